import regionsJson from '../../content/regions.json' with { type: 'json' };
import categoriesJson from '../../content/categories.json' with { type: 'json' };

/** A kecamatan (district), the level below kabupaten/kota, keyed by its Kemendagri code (32.xx.yy). */
export interface District {
  code: string;
  name: string;
  bpsCode: string;
  note?: string;
  /** The earlier or usual spelling, so search accepts both. */
  alsoKnownAs?: string;
}

/** A kabupaten (regency) or kota (city) of Jawa Barat, keyed by its Kemendagri code (32.xx). */
export interface Regency {
  code: string;
  name: string;
  type: string;
  bpsCode: string;
  districts: District[];
}

export interface Category {
  slug: string;
  name: string;
  description: string;
  /** KBLI 2020 sections (A-U) the label covers. KBLI is Indonesia's standard business classification. */
  kbliSections: string[];
  kbliExamples: string[];
  /**
   * Words that name the category itself ("makanan" for Kuliner and Oleh-oleh, "pakaian"
   * for Fesyen), indexed with every listing in it. A search reads such a word as the
   * category: "pakaian" finds clothes, not a wardrobe sold as "lemari pakaian".
   */
  names: string[];
  /** Everyday words people type for it ("makanan", "pakaian"); see content/SOURCES.md. */
  synonyms: string[];
}


export const regencies: readonly Regency[] = regionsJson;
export const categories: readonly Category[] = categoriesJson;

const regencyByCode = new Map(regencies.map((r) => [r.code, r]));
const districtByCode = new Map(
  regencies.flatMap((r) => r.districts.map((d) => [d.code, { ...d, regencyCode: r.code }] as const)),
);
const categoryBySlug = new Map(categories.map((c) => [c.slug, c]));

export const regencyCodes = regencies.map((r) => r.code) as [string, ...string[]];
export const categorySlugs = categories.map((c) => c.slug) as [string, ...string[]];

export const findRegency = (code: string): Regency | undefined => regencyByCode.get(code);
export const findDistrict = (code: string): (District & { regencyCode: string }) | undefined =>
  districtByCode.get(code);
export const findCategory = (slug: string): Category | undefined => categoryBySlug.get(slug);

/** "Kabupaten Bogor" -> "Kab. Bogor", for tight spaces such as cards. */
export function shortRegencyName(name: string): string {
  return name.replace(/^Kabupaten /, 'Kab. ');
}

/** The URL segment of a regency page: "32.73" -> "32-73" (dots read badly in paths). */
export const regencyPathSegment = (code: string): string => code.replace('.', '-');
