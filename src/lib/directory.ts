import { AppError } from '../core/errors.ts';
import { formatBrowseKey, parseSearchQuery, type SearchSpec } from '../core/search.ts';
import type { AstroGlobal } from 'astro';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { showsSample } from '../../db/queries/directory.ts';
import { facetCounts } from '../../db/queries/facets.ts';
import { facetView, filterParams, noFilters, readFilters, writeFilters, type PageFilters } from './facets.ts';
import { cachePage } from './page-cache.ts';

/** Listings per page of a category or kabupaten/kota. */
export const PAGE_SIZE = 24;

/** The page's own names of the parameters, for messages that name a field. */
const FIELD_LABELS: Record<string, string> = { category: 'Kategori (kategori)', regency: 'Kabupaten/kota (wilayah)', district: 'Kecamatan (kecamatan)', verified: 'NIB terverifikasi (nib)', halal: 'Halal (halal)', platform: 'Platform (platform)' };

/** Which filter the page itself is: a category page's category, a kabupaten/kota page's kabupaten/kota. */
export type Fixed = { kind: 'kategori'; slug: string } | { kind: 'wilayah'; code: string };

/**
 * A category or kabupaten/kota page's request: the old numbered pages (/kategori/kuliner/2/)
 * lead to the first page (a Response to return); otherwise one page of listings in the
 * browse order (verified first, then newest), narrowed by the filters in the address
 * (kategori, wilayah, kecamatan, nib, halal, platform: see facets.ts) with the count of
 * each option, going on by `?setelah=` (keyset: as fast 2,000 pages deep as on page 1),
 * cached under `tag`; nothing for an unknown one (404). A filter value it does not know is
 * a 400 that names the field, and the page shows its listings without the filters.
 */
export async function directoryRequest(
  astro: Pick<AstroGlobal, 'locals' | 'url' | 'params' | 'response' | 'redirect' | 'cache'>,
  options: { found: boolean; base: string; fixed: Fixed; tag: string },
) {
  const rest = astro.params['rest'];
  if (options.found && rest && /^\d{1,6}$/.test(rest)) return astro.redirect(options.base, 301);
  const { db } = astro.locals.portal.deps;
  if (!options.found || rest) {
    astro.response.status = 404;
    return { page: undefined, sample: false, facets: undefined, filters: undefined };
  }
  const { fixed, base } = options;
  const pinned = (f: PageFilters): PageFilters => (fixed.kind === 'kategori' ? { ...f, kategori: [fixed.slug] } : { ...f, wilayah: fixed.code, kecamatan: f.wilayah && f.wilayah !== fixed.code ? '' : f.kecamatan });
  const asked = readFilters(astro.url.searchParams);
  let filters = pinned(asked);
  const after = astro.url.searchParams.get('setelah');
  const paramsOf = (f: PageFilters, withAfter: boolean) => {
    const params = filterParams(f, new URLSearchParams({ per_page: String(PAGE_SIZE) }));
    if (withAfter && after !== null) params.set('after', after);
    return params;
  };
  let spec: SearchSpec;
  let error: string | undefined;
  try {
    spec = parseSearchQuery(paramsOf(filters, true));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A mangled link: say which field, and show the page's own listings from the start.
    error = e.fields.every((f) => f.path === 'after')
      ? 'Alamat halaman (setelah) tidak valid, jadi yang tampil adalah halaman pertama.'
      : `${e.fields.map((f) => `${FIELD_LABELS[f.path] ?? f.path}: ${f.message}`).join(' ')} Yang tampil adalah daftar tanpa filter, dari halaman pertama.`;
    filters = pinned(noFilters);
    spec = parseSearchQuery(paramsOf(filters, false));
  }
  const hrefOf = (f: PageFilters) => {
    const params = writeFilters(fixed.kind === 'kategori' ? { ...f, kategori: [] } : { ...f, wilayah: '' });
    return params.size > 0 ? `${base}?${params}` : base;
  };
  const [result, counts, sample] = await Promise.all([searchMsmes(db, spec), facetCounts(db, spec, { categoryFixed: fixed.kind === 'kategori' }), showsSample(db)]);
  const facets = facetView(filters, counts, hrefOf, { fixed: fixed.kind });
  const first = hrefOf(filters);
  const next = result.next ? `${first}${first.includes('?') ? '&' : '?'}setelah=${formatBrowseKey(result.next)}` : undefined;
  if (error) astro.response.status = 400;
  else cachePage(astro, [options.tag]);
  return { page: { items: result.items, total: result.total, next, continued: spec.after !== undefined, error, first }, sample, facets, filters };
}
