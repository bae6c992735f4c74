import { findCategory, findDistrict, findRegency } from './reference.ts';
import { findPlatform } from './platforms.ts';
import { formatPhoneLocal, whatsappLink } from './phone.ts';
import type { SupplierJson } from './supplier-schema.ts';
import { isoWib } from './dates.ts';
import { kbliLabel } from './kbli.ts';

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
  halalVerifiedAt: Date | null;
  pirtNumber: string | null;
  verification: string;
  verifiedAt: Date | null;
  isJuara: boolean;
  storeLinks: { platform: string; url: string }[];
  products: { name: string; priceMin: number; priceMax: number | null; unit: string | null; priceConfirmedAt: Date | null }[];
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
    halalVerifiedAt: iso(s.halalVerifiedAt),
    pirtNumber: s.pirtNumber,
    isJuara: s.isJuara,
    whatsapp: s.whatsapp,
    whatsappUrl: whatsappLink(s.whatsapp),
    storeLinks: s.storeLinks.map((l) => ({ platform: l.platform, platformName: findPlatform(l.platform)?.name ?? l.platform, url: l.url })),
    products: s.products.map((p) => ({ ...p, priceConfirmedAt: iso(p.priceConfirmedAt) })),
    priceRange: s.priceRange,
  };
}


/** How a supplier was checked, in Indonesian, beside the code in exports. */
export const verificationLevelLabel: Record<string, string> = { staff: 'diverifikasi petugas', mentor: 'diperiksa pendamping', self: 'data dari pemilik' };

const isoOf = (at: string | null) => (at ? isoWib(new Date(at)) : null);

/**
 * The CSV of suppliers, kept for machines: a column per fact, identifiers as quoted text
 * (the NIB keeps its leading zero, see SUPPLIER_CSV_TEXT), dates ISO 8601 on the WIB
 * clock (+07:00), each code with its Indonesian label beside it.
 */
export const supplierCsvHeader = [
  'Nama usaha',
  'Kategori',
  'KBLI (kode dan judul)',
  'Kabupaten/kota',
  'Kecamatan',
  'Alamat',
  'NIB',
  'NIB diverifikasi petugas pada',
  'Tingkat verifikasi (kode)',
  'Tingkat verifikasi',
  'Diverifikasi pada',
  'Sertifikat halal',
  'Halal diverifikasi petugas pada',
  'P-IRT',
  'UMKM Juara',
  'WhatsApp',
  'Harga terendah (Rp)',
  'Harga tertinggi (Rp)',
  'Toko online',
  'Profil',
];

/** The CSV columns written as quoted text: NIB, P-IRT and WhatsApp. */
export const SUPPLIER_CSV_TEXT = [6, 13, 15] as const;

/** One CSV row per supplier, in the order of supplierCsvHeader. */
export function supplierCsvRow(s: SupplierJson): (string | number | null)[] {
  return [
    s.name,
    s.category.name,
    s.kbli.codes.map((c) => kbliLabel(c, s.kbli.edition)).join('; '),
    s.regency.name,
    s.district.name,
    s.address,
    s.nib,
    isoOf(s.nibVerifiedAt),
    s.verification.level,
    verificationLevelLabel[s.verification.level] ?? s.verification.level,
    isoOf(s.verification.verifiedAt),
    s.halalNumber,
    isoOf(s.halalVerifiedAt),
    s.pirtNumber,
    s.isJuara ? 'ya' : 'tidak',
    formatPhoneLocal(s.whatsapp),
    s.priceRange?.min ?? null,
    s.priceRange?.max ?? null,
    s.storeLinks.map((l) => `${l.platformName}: ${l.url}`).join(' | '),
    s.profileUrl,
  ];
}
