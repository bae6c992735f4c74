import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { approve } from '../../db/queries/review.ts';
import { msmes, products } from '../../db/schema.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { changedTags } from '../../src/core/page-tags.ts';
import { districtInQuery, placeInQuery } from '../../src/core/query-places.ts';
import { findDistrict, findRegency } from '../../src/core/reference.ts';
import { validRegistration } from '../helpers.ts';
import { servePages } from './server.ts';

/** The public pages drawn from the database, as the built site renders them on Node. */
const dir = mkdtempSync(join(tmpdir(), 'etalase-pages-'));
const { db, client } = await openDb(`file:${join(dir, 'pages.db')}`);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});
const site = await servePages(db);
let published: { id: number; slug: string; category: string; regencyCode: string; districtCode: string; name: string }[] = [];

beforeAll(async () => {
  await seedSample(db, { total: 60, now: new Date('2026-11-01T00:00:00Z') });
  await createListing(db, registrationSchema.parse(validRegistration({ name: 'Usaha Yang Belum Diperiksa' })), { now: new Date(), statusTokenHash: 'f'.repeat(64), actor: 'owner' });
  published = await db.select({ id: msmes.id, slug: msmes.slug, category: msmes.category, regencyCode: msmes.regencyCode, districtCode: msmes.districtCode, name: msmes.name }).from(msmes).where(eq(msmes.status, 'published'));
});

const html = async (path: string) => (await site.get(path)).text();

describe('profiles', () => {
  it('renders each published profile with JSON-LD, Open Graph, a canonical URL, store and WhatsApp links, and no inline script', async () => {
    const m = published[0]!;
    const res = await site.get(`/umkm/${m.slug}/`);
    expect(res.status).toBe(200);
    const page = await res.text();
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}') as Record<string, unknown>;
    expect(ld['@type']).toBe('LocalBusiness');
    // Products as schema.org offers in rupiah: a price, or a low and high price for a range.
    const offers = (ld['makesOffer'] ?? []) as Record<string, unknown>[];
    expect(offers.length).toBe((page.match(/<li><span>/g) ?? []).length);
    for (const offer of offers) {
      expect(offer['priceCurrency']).toBe('IDR');
      expect(offer['itemOffered']).toMatchObject({ '@type': 'Product', name: expect.any(String) });
      if (offer['@type'] === 'AggregateOffer') expect(offer['lowPrice'] as number).toBeLessThan(offer['highPrice'] as number);
      else expect(offer).toMatchObject({ '@type': 'Offer', price: expect.any(Number) });
    }
    expect(ld['url']).toBe(`http://localhost:4321/umkm/${m.slug}/`);
    expect(page).toContain(`<link rel="canonical" href="http://localhost:4321/umkm/${m.slug}/">`);
    expect(page).toContain('property="og:title"');
    expect(page).toMatch(/href="https:\/\/wa\.me\/62\d+\?text=/);
    expect(page).toContain('lang="id"');
    expect(page).toContain('Data contoh');
    // One small external module at most (the share buttons: copy link, the phone's share sheet); nothing inline.
    const scripts = page.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? [];
    expect(scripts.length).toBeLessThanOrEqual(1);
    for (const tag of scripts) expect(tag).toMatch(/type="module" src="\/_astro\/[^"]+\.js"/);
  });

  it('answers 404 with a way on for a pending, unknown or malformed profile', async () => {
    for (const path of ['/umkm/usaha-yang-belum-diperiksa/', '/umkm/tidak-ada/', '/umkm/BESAR%20kecil/']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('Kembali ke beranda');
    }
  });
});

describe('category and kabupaten/kota pages', () => {
  it('page on by keyset through every listing of a category, each once, in the stated order', async () => {
    const category = 'kuliner';
    const expected = published.filter((m) => m.category === category).length;
    const seen: string[] = [];
    let path: string | undefined = `/kategori/${category}/`;
    while (path) {
      const page = await html(path);
      seen.push(...[...page.matchAll(/<h3><a href="\/umkm\/([a-z0-9-]+)\/">/g)].map((m) => m[1]!));
      path = /href="(\/kategori\/kuliner\/\?setelah=[^"]+)" rel="next"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  it('says a mangled "setelah" is wrong, with status 400, and shows the first page', async () => {
    const res = await site.get('/kategori/kuliner/?setelah=bukan-kunci');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Alamat halaman (setelah) tidak valid');
  });

  it('sends the old numbered pages to the first page, and 404s unknown categories and regions', async () => {
    expect((await site.get('/kategori/kuliner/2/')).headers.get('location')).toBe('/kategori/kuliner/');
    expect((await site.get('/wilayah/32-73/3/')).headers.get('location')).toBe('/wilayah/32-73/');
    for (const path of ['/kategori/tidak-ada/', '/wilayah/99-99/', '/wilayah/3273/']) expect((await site.get(path)).status, path).toBe(404);
  });

  it('narrow by kabupaten/kota on a category page and by category on a kabupaten/kota page, with counts and a chip to undo it, without JavaScript', async () => {
    const target = published.find((m) => m.category === 'kuliner')!;
    const expected = published.filter((m) => m.category === 'kuliner' && m.regencyCode === target.regencyCode);
    const path = `/kategori/kuliner/?wilayah=${target.regencyCode}`;
    const page = await html(path);
    const shown = [...page.matchAll(/<h3><a href="\/umkm\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    expect(shown.sort()).toEqual(expected.map((m) => m.slug).sort());
    // The chosen kabupaten/kota is a chip that leads back to the whole category; its kecamatan narrow further, each with its count.
    const regencyName = findRegency(target.regencyCode)!.name;
    expect(page).toContain(`<a class="chip-remove" href="/kategori/kuliner/" aria-label="Hapus filter ${regencyName}">`);
    const perDistrict = new Map<string, number>();
    for (const m of expected) perDistrict.set(m.districtCode, (perDistrict.get(m.districtCode) ?? 0) + 1);
    for (const [code, count] of perDistrict) expect(page).toContain(`<option value="${code}">${findDistrict(code)!.name} (${count})</option>`);
    const district = [...perDistrict.keys()][0]!;
    const narrowed = await html(`${path}&kecamatan=${district}`);
    expect([...narrowed.matchAll(/<h3><a href="\/umkm\/([a-z0-9-]+)\/">/g)].length).toBe(perDistrict.get(district));
    expect(narrowed).toContain('Hapus semua filter');
    const inRegion = published.filter((m) => m.regencyCode === target.regencyCode && m.category === 'kuliner').length;
    expect(await html(`/wilayah/${target.regencyCode.replace('.', '-')}/?kategori=kuliner`)).toContain(`${inRegion} UMKM tayang`);
    const bad = await site.get('/kategori/kuliner/?wilayah=99.99');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Kabupaten/kota (wilayah):');
  });

  it('counts a kabupaten/kota page', async () => {
    const n = published.filter((m) => m.regencyCode === '32.73').length;
    expect(await html('/wilayah/32-73/')).toContain(`${n} UMKM tayang`);
  });
});

describe('search on the server', () => {
  it('renders results without JavaScript, keeps the words in the box, and finds what /api/msmes finds', async () => {
    const target = published[1]!;
    const word = target.name.split(' ')[0]!;
    const page = await html(`/cari/?q=${encodeURIComponent(word)}`);
    expect(page).toContain(`value="${word}"`);
    const api = (await (await site.get(`/api/msmes?q=${encodeURIComponent(word)}&per_page=20`)).json()) as { items: { slug: string }[]; total: number };
    const shown = [...page.matchAll(/<h3><a href="\/umkm\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    expect(shown).toEqual(api.items.map((i) => i.slug));
    expect(page).toContain(`${api.total} hasil`);
  });

  it('shows the matching products of the shops found, with price, unit, shop and kecamatan, above the shops', async () => {
    const [product] = await db.select({ name: products.name, unit: products.unit, msmeId: products.msmeId }).from(products).innerJoin(msmes, eq(msmes.id, products.msmeId)).where(eq(msmes.status, 'published')).limit(1);
    const word = product!.name.split(' ')[0]!;
    const page = await html(`/cari/?q=${encodeURIComponent(word)}`);
    const strip = /<ul class="product-strip">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    const names = [...strip.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.toLowerCase()).toContain(word.toLowerCase().slice(0, 4));
    expect(strip).toMatch(/class="product-price">Rp/);
    expect(page.indexOf('product-strip')).toBeLessThan(page.indexOf('<ul class="cards">'));
    // No products for a browse without words.
    expect(await html('/cari/?kategori=kuliner')).not.toContain('product-strip');
  });

  it('names the field of a bad value with status 400 and runs no search', async () => {
    const res = await site.get(`/cari/?q=${'a'.repeat(150)}&wilayah=99.99`);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Kata kunci: Kata kunci maksimal 100 karakter.');
    expect(page).toContain('aria-invalid="true"');
    expect(page).toMatch(/Kabupaten\/kota: /);
  });

  it('never shows fillers: says nothing matched, with the words found elsewhere in Jawa Barat and a way to drop the filters', async () => {
    const target = published[2]!;
    const elsewhere = target.regencyCode === '32.01' ? '32.02' : '32.01';
    const page = await html(`/cari/?q=${encodeURIComponent(target.name)}&wilayah=${elsewhere}`);
    expect(page).toContain(`Tidak ada usaha yang cocok dengan “${target.name}” dengan filter ini.`);
    expect(page).not.toContain('<li class="card listing">');
    expect(page).toMatch(/Lihat \d+ hasil “[^”]+” di seluruh Jawa Barat/);
    expect(page).toContain('Hapus semua filter');
    const none = await html('/cari/?q=zzqxv');
    expect(none).toContain('Tidak ada usaha yang cocok dengan “zzqxv”.');
    expect(none).not.toContain('<li class="card listing">');
    expect(await html('/cari/?q=kuliner%20zzqxv')).toContain('Kategori terkait: <a href="/kategori/kuliner/">Kuliner</a>');
    // Everyday words point to their categories (content/categories.json), results or not.
    const food = await html('/cari/?q=makanan');
    expect(food).toContain('<a href="/kategori/kuliner/">Kuliner</a>');
    expect(food).toContain('<a href="/kategori/oleh-oleh/">Oleh-oleh &amp; Makanan Khas</a>');
    expect(food).not.toContain('/kategori/furnitur/');
    expect(await html('/cari/?q=tas%20anyaman')).toContain('<a href="/kategori/kriya/">Kriya</a>');
  });

  it('offers the closest indexed word for a slip of the keyboard, and only then', async () => {
    const word = published.flatMap((m) => m.name.toLowerCase().split(' ')).find((w) => /^[a-z]{6,}$/.test(w))!;
    const slip = `${word.slice(0, 2)}${word.slice(3)}`;
    const page = await html(`/cari/?q=${slip}`);
    expect(page).toContain(`Mungkin maksud Anda: <a href="/cari/?q=${word}">${word}</a>`);
    expect(await html(`/cari/?q=${word}`)).not.toContain('Mungkin maksud Anda');
    expect(await html('/cari/?q=zzqxv')).not.toContain('Mungkin maksud Anda');
  });

  it('reads a kabupaten/kota out of the words as a removable filter, and offers both a kota and a kabupaten of one name', async () => {
    const target = published.find((m) => m.regencyCode === '32.05')!;
    const word = target.name.split(' ')[0]!;
    const page = await html(`/cari/?q=${encodeURIComponent(`${word} garut`)}`);
    expect(page).toContain('Kabupaten Garut <span aria-hidden="true">✕</span>');
    const shown = [...page.matchAll(/<h3><a href="\/umkm\/([a-z0-9-]+)\/">/g)].map((m) => m[1]);
    expect(shown).toContain(target.slug);
    const inGarut = new Set(published.filter((m) => m.regencyCode === '32.05').map((m) => m.slug));
    expect(shown.every((slug) => inGarut.has(slug!))).toBe(true);
    expect(page).toContain(`href="/cari/?q=${encodeURIComponent(`${word} garut`).replace(/%20/g, '+')}&amp;persis=1"`);
    expect(await html(`/cari/?q=${encodeURIComponent(`${word} garut`)}&persis=1`)).not.toContain('Kabupaten Garut <span');
    const both = await html('/cari/?q=bandung');
    expect(both).toMatch(/“bandung” di: <a href="\/cari\/\?wilayah=32\.04">Kabupaten Bandung<\/a> \(\d+\) · <a href="\/cari\/\?wilayah=32\.73">Kota Bandung<\/a> \(\d+\)/);
  });

  it('reads a kecamatan out of the words too, and keeps a chosen one as a removable chip', async () => {
    // A listing whose name names no place itself.
    const target = published.find((m) => !placeInQuery(m.name) && !districtInQuery(m.name))!;
    const [row] = await db.select({ districtCode: msmes.districtCode }).from(msmes).where(eq(msmes.slug, target.slug));
    const districtName = (await import('../../src/core/reference.ts')).findDistrict(row!.districtCode)!.name;
    const page = await html(`/cari/?q=${encodeURIComponent(`${target.name} ${districtName}`)}`);
    expect(page).toMatch(new RegExp(`(Kecamatan ${districtName} <span aria-hidden="true">✕</span>|“${districtName.toLowerCase()}” di: )`));
    expect(await html(`/cari/?q=${encodeURIComponent(target.name)}&wilayah=${target.regencyCode}&kecamatan=${row!.districtCode}`)).toContain(`Kecamatan ${districtName} <span aria-hidden="true">✕</span>`);
  });

  it('offers the kabupaten/kota where the words do find listings when the chosen one has none, and a way to drop the filters', async () => {
    const target = published.find((m) => !placeInQuery(m.name) && !districtInQuery(m.name))!;
    const word = target.name.split(' ')[0]!;
    const codes = ['32.71', '32.72', '32.73', '32.74', '32.75', '32.76', '32.77', '32.78', '32.79', '32.01', '32.02', '32.03'];
    let empty: string | undefined;
    for (const code of codes) {
      const found = (await (await site.get(`/api/msmes?q=${encodeURIComponent(word)}&regency=${code}`)).json()) as { total: number };
      if (found.total === 0 && code !== target.regencyCode) {
        empty = code;
        break;
      }
    }
    expect(empty).toBeDefined();
    const page = await html(`/cari/?q=${encodeURIComponent(word)}&wilayah=${empty}`);
    expect(page).toContain('Ada di kabupaten/kota lain:');
    const params = new URLSearchParams({ q: word, wilayah: target.regencyCode });
    expect(page).toContain(`<a href="/cari/?${params.toString().replace(/&/g, '&amp;')}">${findRegency(target.regencyCode)!.name}</a>`);
    expect(page).toContain('Hapus semua filter');
  });

  it('answers the results alone for the script that updates them as you type', async () => {
    const res = await site.get('/cari/hasil/?q=keripik');
    expect(res.status).toBe(200);
    const part = await res.text();
    expect(part).not.toContain('<html');
    expect(part).toContain('data-search-results');
  });
});

describe('sitemaps', () => {
  it('index the site pages and the profiles in files of at most 50,000, pending ones left out', async () => {
    const index = await html('/sitemap.xml');
    expect(index).toContain('<loc>http://localhost:4321/sitemap-halaman.xml</loc>');
    expect(index).toContain('<loc>http://localhost:4321/sitemap-umkm-1.xml</loc>');
    const profiles = await html('/sitemap-umkm-1.xml');
    for (const m of published) expect(profiles).toContain(`/umkm/${m.slug}/</loc>`);
    expect(profiles).not.toContain('usaha-yang-belum-diperiksa');
    expect(await html('/sitemap-halaman.xml')).toContain('/kategori/kuliner/</loc>');
    expect((await site.get('/sitemap-umkm-0.xml')).status).toBe(404);
  });
});

describe('headers and the page cache', () => {
  it('gives pages a revalidating Cache-Control and the strict policy, WebAssembly to the search page only, and assets a year', async () => {
    const home = await site.get('/');
    expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(home.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
    expect(home.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(home.headers.get('content-encoding')).toBe('gzip');
    expect((await site.get('/cari/')).headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect((await site.get('/api/health')).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await home.text())?.[1];
    const asset = await site.get(css!);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toBeNull();
    const unknown = await site.get('/tidak-ada/');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toContain("default-src 'self'");
    const daftar = await site.get('/daftar/');
    expect(daftar.headers.get('x-frame-options')).toBe('DENY');
    expect((await site.get('/daftar')).headers.get('location')).toBe('/daftar/');
  });

  it('serves a page from the cache until a change to what it shows drops it', async () => {
    const path = '/kategori/kuliner/';
    await site.get(path);
    const cached = await site.get(path);
    expect(cached.headers.get('x-astro-cache')).toBe('HIT');
    const entry = await createListing(db, registrationSchema.parse(validRegistration({ name: 'Seblak Baru Teh Euis', category: 'kuliner' })), {
      now: new Date(),
      statusTokenHash: 'e'.repeat(64),
      actor: 'owner',
    });
    const [row] = await db.select().from(msmes).where(eq(msmes.slug, entry.slug));
    await approve(db, { id: row!.id, version: row!.version, actor: 'staf:uji', now: new Date() });
    // Still the cached page: nothing has told the cache yet.
    expect(await html(path)).not.toContain('Seblak Baru Teh Euis');
    await site.runtime.deps.pagesChanged(changedTags([{ slug: entry.slug, category: 'kuliner', regencyCode: '32.73' }]));
    const fresh = await site.get(path);
    expect(fresh.headers.get('x-astro-cache')).toBe('MISS');
    expect(await fresh.text()).toContain('Seblak Baru Teh Euis');
    expect((await site.get(`/umkm/${entry.slug}/`)).status).toBe(200);
    // Other categories keep their cached pages.
    await site.get('/kategori/fesyen/');
    expect((await site.get('/kategori/fesyen/')).headers.get('x-astro-cache')).toBe('HIT');
  });
});
