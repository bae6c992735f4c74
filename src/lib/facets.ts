import { categories, findCategory, findDistrict, findRegency, regencies } from '../core/reference.ts';
import { platforms } from '../core/platforms.ts';
import type { FacetCounts } from '../../db/queries/facets.ts';

/**
 * The filters of a search, category or kabupaten/kota page as its address carries them, in
 * Indonesian as people share them: kategori (several), wilayah, kecamatan, nib=1, halal=1,
 * platform. Plain GET parameters, so every filter works without JavaScript.
 */
export interface PageFilters {
  kategori: string[];
  wilayah: string;
  kecamatan: string;
  nib: boolean;
  halal: boolean;
  platform: string;
}

/** The page's own names of the API's search parameters. */
export const FILTER_PARAMS = { kategori: 'category', wilayah: 'regency', kecamatan: 'district', nib: 'verified', halal: 'halal', platform: 'platform' } as const;

/** Reads the filters from a page address (unknown values are left for the search to refuse, naming the field). */
export function readFilters(params: URLSearchParams): PageFilters {
  const one = (name: string) => params.get(name)?.trim() ?? '';
  return {
    kategori: [...new Set(params.getAll('kategori').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))],
    wilayah: one('wilayah'),
    kecamatan: one('kecamatan'),
    nib: one('nib') === '1',
    halal: one('halal') === '1',
    platform: one('platform'),
  };
}

/** Each filter's values under the page's parameter name ("1" for a ticked box), empty ones left out. */
function filterValues(filters: PageFilters): [keyof typeof FILTER_PARAMS, string[]][] {
  const values: [keyof typeof FILTER_PARAMS, string[]][] = [
    ['kategori', filters.kategori],
    ['wilayah', [filters.wilayah]],
    ['kecamatan', [filters.kecamatan]],
    ['nib', filters.nib ? ['1'] : []],
    ['halal', filters.halal ? ['1'] : []],
    ['platform', [filters.platform]],
  ];
  return values.map(([name, list]) => [name, list.filter(Boolean)] as [keyof typeof FILTER_PARAMS, string[]]).filter(([, list]) => list.length > 0);
}

/** The filters as the API's search parameters (several categories comma-separated). */
export function filterParams(filters: PageFilters, into = new URLSearchParams()): URLSearchParams {
  for (const [name, list] of filterValues(filters)) into.set(FILTER_PARAMS[name], list.join(','));
  return into;
}

/** The filters written back into a page address (after what `into` holds, such as q), a category per parameter as checkboxes send them. */
export function writeFilters(filters: PageFilters, into = new URLSearchParams()): URLSearchParams {
  for (const [name, list] of filterValues(filters)) for (const value of list) into.append(name, value);
  return into;
}

export const noFilters: PageFilters = { kategori: [], wilayah: '', kecamatan: '', nib: false, halal: false, platform: '' };

/** A chosen filter as a removable chip: its label and the address without it. */
export interface Chip {
  label: string;
  href: string;
}

/** One option of a filter, with how many listings it would show. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  chosen: boolean;
}

/** What a page shows to narrow its listings: the options with counts, the chips, and "hapus semua". */
export interface FacetView {
  categories: FacetOption[] | undefined;
  regencies: FacetOption[] | undefined;
  districts: FacetOption[] | undefined;
  verified: { count: number; chosen: boolean };
  halal: { count: number; chosen: boolean };
  platforms: FacetOption[];
  chips: Chip[];
  /** The page with no filter at all (the words kept), when any is chosen. */
  clearAll: string | undefined;
  /** The counts are lower bounds (of the newest matches of a very common word): shown as "1.234+". */
  atLeast: boolean;
  /** Hidden fields the filter form carries along (q on the search page, a chosen kabupaten/kota). */
  keep: [string, string][];
}

/**
 * The filters of a page as options with counts and chips. `href` builds the page's
 * address for other filters; `fixed` says which filter the page itself is (a category
 * page's category, a kabupaten/kota page's kabupaten/kota), which is neither offered nor a chip.
 */
export function facetView(
  filters: PageFilters,
  counts: FacetCounts,
  href: (filters: PageFilters) => string,
  options: { fixed?: 'kategori' | 'wilayah'; keep?: [string, string][] } = {},
): FacetView {
  const chips: Chip[] = [];
  const without = (change: Partial<PageFilters>) => href({ ...filters, ...change });
  if (options.fixed !== 'kategori') {
    for (const slug of filters.kategori) {
      const c = findCategory(slug);
      if (c) chips.push({ label: c.name, href: without({ kategori: filters.kategori.filter((k) => k !== slug) }) });
    }
  }
  const regency = filters.wilayah ? findRegency(filters.wilayah) : undefined;
  if (regency && options.fixed !== 'wilayah') chips.push({ label: regency.name, href: without({ wilayah: '', kecamatan: '' }) });
  const district = filters.kecamatan ? findDistrict(filters.kecamatan) : undefined;
  if (district) chips.push({ label: `Kecamatan ${district.name}`, href: without({ kecamatan: '' }) });
  if (filters.nib) chips.push({ label: 'NIB terverifikasi', href: without({ nib: false }) });
  if (filters.halal) chips.push({ label: 'Bersertifikat halal', href: without({ halal: false }) });
  const platform = platforms.find((p) => p.id === filters.platform);
  if (platform) chips.push({ label: `Toko di ${platform.name}`, href: without({ platform: '' }) });
  const kept = { ...noFilters, ...(options.fixed === 'wilayah' ? { wilayah: filters.wilayah } : {}), ...(options.fixed === 'kategori' ? { kategori: filters.kategori } : {}) };
  return {
    categories:
      options.fixed === 'kategori'
        ? undefined
        : categories.map((c) => ({ value: c.slug, label: c.name, count: counts.categories.get(c.slug) ?? 0, chosen: filters.kategori.includes(c.slug) })),
    regencies:
      options.fixed === 'wilayah' || regency
        ? undefined
        : regencies.map((r) => ({ value: r.code, label: r.name, count: counts.regencies.get(r.code) ?? 0, chosen: false })),
    districts: regency
      ? regency.districts.map((d) => ({ value: d.code, label: d.name, count: counts.districts.get(d.code) ?? 0, chosen: d.code === filters.kecamatan }))
      : undefined,
    verified: { count: counts.verified, chosen: filters.nib },
    halal: { count: counts.halal, chosen: filters.halal },
    platforms: platforms
      .filter((p) => (counts.platforms.get(p.id) ?? 0) > 0 || p.id === filters.platform)
      .map((p) => ({ value: p.id, label: p.name, count: counts.platforms.get(p.id) ?? 0, chosen: p.id === filters.platform })),
    chips,
    atLeast: counts.atLeast,
    clearAll: chips.length > 0 ? href(kept) : undefined,
    // A chosen kabupaten/kota is narrowed by kecamatan, not offered again: the form carries it.
    keep: [...(options.keep ?? []), ...(regency && options.fixed !== 'wilayah' ? [['wilayah', regency.code] as [string, string]] : [])],
  };
}
