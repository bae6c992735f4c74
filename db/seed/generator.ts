import { categories, regencies } from '../../src/core/reference.ts';
import type { Registration } from '../../src/core/registration.ts';
import { slugify } from '../../src/core/slug.ts';
import { createRandom, type Random } from './random.ts';
import { brands, honorifics, people, vocabulary } from './vocabulary.ts';
import { unitInName } from '../../src/core/units.ts';

export interface SampleListing {
  registration: Registration;
  publishedAt: Date;
  nibVerifiedAt: Date | null;
  verification: 'self' | 'mentor' | 'staff';
  verifiedAt: Date | null;
  isJuara: boolean;
  /** Staff matched the halal certificate against BPJPH's register (some of the staff-verified listings). */
  halalVerifiedAt: Date | null;
  /** When the owner last said the prices hold: some long ago, so the survey marks old prices. */
  pricesConfirmedAt: Date;
}

const DAY = 86_400_000;
/** Bigger cities get more listings, as in the real directory. */
const regencyWeights = regencies.flatMap((r) => Array.from({ length: r.type === 'kota' ? 3 : 2 }, () => r));
const mobilePrefixes = ['811', '812', '813', '821', '822', '823', '852', '853', '857', '858', '877', '878', '895', '896', '881', '882'];

function storeUrl(rnd: Random, platform: string, handle: string, city: string): string {
  switch (platform) {
    case 'tokopedia':
      return `https://www.tokopedia.com/${handle}`;
    case 'shopee':
      return `https://shopee.co.id/${handle}`;
    case 'tiktok':
      return `https://www.tiktok.com/@${handle.replace(/-/g, '.')}`;
    case 'instagram':
      return `https://www.instagram.com/${handle.replace(/-/g, '_').slice(0, 30)}`;
    case 'facebook':
      return `https://www.facebook.com/${handle.replace(/-/g, '.')}`;
    case 'lazada':
      return `https://www.lazada.co.id/shop/${handle}`;
    case 'blibli':
      return `https://www.blibli.com/merchant/${handle}/${handle.slice(0, 3).toUpperCase().padEnd(3, 'X')}-${rnd.digits(5)}`;
    case 'gofood':
      return `https://gofood.co.id/${city}/restaurant/${handle}-${rnd.hex(8)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(12)}`;
    case 'grabfood':
      return `https://food.grab.com/id/id/restaurant/${handle}-delivery/6-C${rnd.digits(3)}${'ABCDEFGHJKLMNPRSTUVWXYZ'.charAt(rnd.int(0, 22))}${rnd.digits(9)}`;
    case 'shopeefood':
      return `https://shopee.co.id/universal-link/now-food/shop/${rnd.digits(8)}`;
    default:
      throw new Error(`no URL shape for ${platform}`);
  }
}

/**
 * A slip of a phone keyboard in one longer word of a sentence: two letters swapped or one
 * left out ("Dibuat" -> "Dibaut", "pesanan" -> "pesann"), as real descriptions have them.
 */
function slip(rnd: Random, sentence: string): string {
  const words = sentence.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (long.length === 0) return sentence;
  const [word, at] = rnd.pick(long);
  const i = rnd.int(1, word.length - 2);
  words[at] = rnd.chance(0.5) ? word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
  return words.join(' ');
}

/**
 * The i-th sample listing for a seed: always the same for the same (seed, i), so a
 * bench of 10,000 and a test of 30 see the same first 30 listings.
 */
export function sampleListing(i: number, seed = 32, now = new Date('2026-11-01T00:00:00Z')): SampleListing {
  const rnd = createRandom(seed * 1_000_003 + i);
  const category = rnd.pick(categories);
  const words = vocabulary[category.slug];
  if (!words) throw new Error(`no vocabulary for ${category.slug}`);
  const regency = rnd.pick(regencyWeights);
  const district = rnd.pick(regency.districts);
  const place = regency.name.replace(/^(Kabupaten|Kota) /, '');
  const lead = rnd.pick(words.lead);
  const name = rnd.chance(0.55)
    ? `${lead} ${rnd.pick(honorifics)} ${rnd.pick(people)}`
    : rnd.chance(0.5)
      ? `${lead} ${rnd.pick(brands)}`
      : `${lead} ${rnd.pick(brands)} ${place}`;
  const items = [...words.products].sort(() => rnd.next() - 0.5).slice(0, rnd.int(1, Math.min(4, words.products.length)));
  const story = rnd.pick(words.story);
  const description = `${name} adalah usaha ${category.name.toLowerCase()} dari Kecamatan ${district.name}, ${regency.name}. ${rnd.chance(0.06) ? slip(rnd, story) : story} Produk andalan: ${items
    .map((p) => p.name.toLowerCase())
    .join(', ')}.`;
  const handle = `${slugify(name).slice(0, 24)}${rnd.int(1, 999)}`.replace(/^-+/, '');
  const city = slugify(place);
  const platformCount = rnd.int(1, 3);
  const chosen = [...new Set(Array.from({ length: platformCount }, () => rnd.pick(words.platforms)))];
  const storeLinks = chosen.map((platform) => ({ platform, url: storeUrl(rnd, platform, handle, city) }));
  const round = (n: number) => Math.round(n / 500) * 500;
  const products = items.map((p) => {
    const min = round(p.price[0] * (0.85 + rnd.next() * 0.3));
    const max = rnd.chance(0.6) ? round(Math.max(min, p.price[1] * (0.85 + rnd.next() * 0.3))) : undefined;
    // The pack size goes in its own field, as the form asks ("Keripik singkong balado" · "250 g").
    const unit = unitInName(p.name);
    const name = unit ? p.name.slice(0, -unit.length).trim() : p.name;
    return { name, priceMin: min, ...(max !== undefined && max > min ? { priceMax: max } : {}), ...(unit ? { unit } : {}) };
  });
  const hasNib = rnd.chance(0.7);
  const food = category.slug === 'kuliner' || category.slug === 'oleh-oleh' || category.slug === 'herbal-jamu';
  const publishedAt = new Date(now.getTime() - rnd.int(0, 720) * DAY - rnd.int(0, DAY - 1));
  const nibVerified = hasNib && rnd.chance(0.45);
  const verification = nibVerified ? 'staff' : rnd.chance(0.2) ? 'mentor' : 'self';
  // A verification a few days after publishing, never after "now".
  const verifiedAt = verification === 'self' ? null : new Date(Math.min(now.getTime(), publishedAt.getTime() + rnd.int(1, 30) * DAY));
  const registration: Registration = {
    name,
    description,
    category: category.slug,
    kbliCodes: [rnd.pick(words.kbli)],
    regencyCode: regency.code,
    districtCode: district.code,
    ...(rnd.chance(0.3) ? { address: `Jl. ${rnd.pick(brands)} No. ${rnd.int(1, 120)}, ${district.name}` } : {}),
    whatsapp: `+62${rnd.pick(mobilePrefixes)}${rnd.digits(rnd.int(7, 8))}`,
    ...(hasNib ? { nib: `${rnd.pick(['0', '1', '2', '9'])}${rnd.digits(12)}` } : {}),
    ...(food && rnd.chance(0.45) ? { halalNumber: `ID${regency.bpsCode}${rnd.digits(13)}` } : {}),
    ...(food && rnd.chance(0.5) ? { pirtNumber: `${rnd.digits(1)}${rnd.digits(2)}${regency.bpsCode}${rnd.digits(6)}-${rnd.int(27, 31)}` } : {}),
    storeLinks,
    products,
    // Shop details from what is already drawn (no new draws: the sample stays the same listing for listing).
    ...(name.length % 4 === 0 ? { openingHours: food ? 'Setiap hari 07.00-20.00' : 'Senin-Sabtu 08.00-17.00' } : {}),
    madeToOrder: food && name.length % 3 === 0,
    ...(name.length % 2 === 0 ? { deliveryArea: `${regency.name} dan sekitarnya; luar kota lewat ekspedisi` } : {}),
    ...(nibVerified && name.length % 3 !== 1 ? { minOrder: food ? '10 bungkus' : '5 buah' } : {}),
    bulkOrders: nibVerified,
    consent: true,
  };
  const isJuara = rnd.chance(0.1);
  // Drawn last, so every other sample value stays what it was before halal checks existed.
  const halalVerified = Boolean(registration.halalNumber) && verification === 'staff' && rnd.chance(0.6);
  const pricesConfirmedAt = new Date(Math.min(now.getTime(), publishedAt.getTime() + rnd.int(0, 420) * DAY));
  return {
    registration,
    publishedAt,
    nibVerifiedAt: nibVerified && verifiedAt ? verifiedAt : null,
    verification,
    verifiedAt,
    isJuara,
    halalVerifiedAt: halalVerified ? verifiedAt : null,
    pricesConfirmedAt,
  };
}
