import { findCategory, findDistrict, findRegency } from './reference.ts';
import { findPlatform } from './platforms.ts';
import { formatPhoneLocal, whatsappLink } from './phone.ts';
import type { SupplierJson } from './supplier-schema.ts';

/** The fields of a supplier that the API, the exports and the pages all present. */
export interface SupplierInput {
  slug: string;
  name: string;
  category: string;
  kbliCodes: string[];
  kbliEdition: string;
  regencyCode: string;
  districtCode: string;
  address: string | null;
  whatsapp: string;
  nib: string | null;
  nibVerifiedAt: Date | null;
  halalNumber: string | null;
  pirtNumber: string | null;
  verification: string;
  verifiedAt: Date | null;
  isJuara: boolean;
  storeLinks: { platform: string; url: string }[];
  products: { name: string; priceMin: number; priceMax: number | null }[];
  priceRange: { min: number; max: number } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The stable public JSON shape of one supplier (documented in /api/openapi.json). */
export function supplierJson(s: SupplierInput, siteUrl: string): SupplierJson {
  return {
    slug: s.slug,
    name: s.name,
    profileUrl: new URL(`/umkm/${s.slug}/`, siteUrl).toString(),
    category: { slug: s.category, name: findCategory(s.category)?.name ?? s.category },
    kbli: { edition: s.kbliEdition, codes: s.kbliCodes },
    regency: { code: s.regencyCode, name: findRegency(s.regencyCode)?.name ?? s.regencyCode },
    district: { code: s.districtCode, name: findDistrict(s.districtCode)?.name ?? s.districtCode },
    address: s.address,
    verification: { level: s.verification as SupplierJson['verification']['level'], verifiedAt: iso(s.verifiedAt) },
    nib: s.nib,
    nibVerifiedAt: iso(s.nibVerifiedAt),
    halalNumber: s.halalNumber,
    pirtNumber: s.pirtNumber,
    isJuara: s.isJuara,
    whatsapp: s.whatsapp,
    whatsappUrl: whatsappLink(s.whatsapp),
    storeLinks: s.storeLinks.map((l) => ({ platform: l.platform, platformName: findPlatform(l.platform)?.name ?? l.platform, url: l.url })),
    products: s.products,
    priceRange: s.priceRange,
  };
}


export const supplierCsvHeader = [
  'Nama usaha',
  'Kategori',
  'KBLI',
  'Kabupaten/kota',
  'Kecamatan',
  'Alamat',
  'NIB',
  'NIB terverifikasi',
  'Tingkat verifikasi',
  'Tanggal verifikasi',
  'Sertifikat halal',
  'P-IRT',
  'UMKM Juara',
  'WhatsApp',
  'Harga terendah (Rp)',
  'Harga tertinggi (Rp)',
  'Toko online',
  'Profil',
];

/** One CSV row per supplier, in the order of supplierCsvHeader. */
export function supplierCsvRow(s: SupplierJson): (string | number | null)[] {
  return [
    s.name,
    s.category.name,
    s.kbli.codes.join(', '),
    s.regency.name,
    s.district.name,
    s.address,
    s.nib,
    s.nibVerifiedAt ? s.nibVerifiedAt.slice(0, 10) : 'belum',
    s.verification.level,
    s.verification.verifiedAt?.slice(0, 10) ?? null,
    s.halalNumber,
    s.pirtNumber,
    s.isJuara ? 'ya' : 'tidak',
    formatPhoneLocal(s.whatsapp),
    s.priceRange?.min ?? null,
    s.priceRange?.max ?? null,
    s.storeLinks.map((l) => `${l.platformName}: ${l.url}`).join(' | '),
    s.profileUrl,
  ];
}
