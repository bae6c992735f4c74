import { AppError } from '../core/errors.ts';
import { formatBrowseKey, parseSearchQuery, type SearchSpec } from '../core/search.ts';
import type { AstroGlobal } from 'astro';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { listingCounts, showsSample } from '../../db/queries/directory.ts';
import { categories, findCategory, findRegency, regencies } from '../core/reference.ts';
import { cachePage } from './page-cache.ts';
import type { DbOrTx } from '../../db/client.ts';

/** Listings per page of a category or kabupaten/kota. */
export const PAGE_SIZE = 24;

/**
 * One page of a category or kabupaten/kota in the browse order (verified first, then
 * newest). Pages go on by `?setelah=` (keyset: a seek on a browse index, as fast 2,000
 * pages deep as on page 1). A malformed `setelah` is a 400 naming it.
 */
export async function browsePage(db: DbOrTx, url: URL, filter: { category?: string; regency?: string }) {
  const params = new URLSearchParams({ per_page: String(PAGE_SIZE) });
  if (filter.category) params.set('category', filter.category);
  if (filter.regency) params.set('regency', filter.regency);
  const baseSpec = parseSearchQuery(params);
  const after = url.searchParams.get('setelah');
  let spec: SearchSpec = baseSpec;
  let error: string | undefined;
  if (after !== null) {
    try {
      spec = parseSearchQuery(new URLSearchParams({ ...Object.fromEntries(params), after }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // A mangled link: say so, and show the first page instead.
      error = 'Alamat halaman (setelah) tidak valid, jadi yang tampil adalah halaman pertama.';
    }
  }
  const result = await searchMsmes(db, spec);
  const kept = new URLSearchParams([...url.searchParams].filter(([k]) => k !== 'setelah'));
  kept.set('setelah', result.next ? formatBrowseKey(result.next) : '');
  const next = result.next ? `${url.pathname}?${kept}` : undefined;
  return { items: result.items, total: result.total, next, continued: spec.after !== undefined, error };
}

/** The narrowing a directory page offers: kabupaten/kota on a category page, category on a kabupaten/kota page. */
export interface Narrowing {
  /** The query parameter: "wilayah" or "kategori". */
  param: 'wilayah' | 'kategori';
  label: string;
  options: { value: string; label: string; count: number }[];
  chosen: { value: string; label: string } | undefined;
}

/**
 * A category or kabupaten/kota page's request: the old numbered pages (/kategori/kuliner/2/)
 * lead to the first page (a Response to return); otherwise the page of listings, narrowed
 * by `?wilayah=` (category pages) or `?kategori=` (kabupaten/kota pages) with the count of
 * each option, the sample notice, cached under `tag`; nothing for an unknown one (404).
 */
export async function directoryRequest(
  astro: Pick<AstroGlobal, 'locals' | 'url' | 'params' | 'response' | 'redirect' | 'cache'>,
  options: { found: boolean; base: string; filter: { category?: string; regency?: string }; tag: string },
) {
  const rest = astro.params['rest'];
  if (options.found && rest && /^\d{1,6}$/.test(rest)) return astro.redirect(options.base, 301);
  const { db } = astro.locals.portal.deps;
  if (!options.found || rest) {
    astro.response.status = 404;
    return { page: undefined, sample: false, narrowing: undefined };
  }
  const narrowing = await narrowingOf(db, astro.url, options.filter);
  const filter = { ...options.filter, ...(narrowing.chosen ? (narrowing.param === 'wilayah' ? { regency: narrowing.chosen.value } : { category: narrowing.chosen.value }) : {}) };
  const page = await browsePage(db, astro.url, filter);
  const error = page.error ?? narrowing.error;
  if (error) astro.response.status = 400;
  else cachePage(astro, [options.tag]);
  return { page: { ...page, error }, sample: await showsSample(db), narrowing };
}

/** The options to narrow a directory page by, with their counts, and the one chosen in the URL (a 400 message when it is unknown). */
async function narrowingOf(db: DbOrTx, url: URL, filter: { category?: string; regency?: string }): Promise<Narrowing & { error?: string }> {
  if (filter.category) {
    const counts = await listingCounts(db, 'regency', { category: filter.category });
    const asked = url.searchParams.get('wilayah');
    const chosen = asked ? findRegency(asked) : undefined;
    return {
      param: 'wilayah',
      label: 'Kabupaten/kota',
      options: regencies.map((r) => ({ value: r.code, label: r.name, count: counts.get(r.code) ?? 0 })),
      chosen: chosen && { value: chosen.code, label: chosen.name },
      ...(asked && !chosen ? { error: 'Kabupaten/kota (wilayah) tidak dikenal, jadi yang tampil adalah seluruh Jawa Barat.' } : {}),
    };
  }
  const counts = await listingCounts(db, 'category', { regency: filter.regency ?? '' });
  const asked = url.searchParams.get('kategori');
  const chosen = asked ? findCategory(asked) : undefined;
  return {
    param: 'kategori',
    label: 'Kategori',
    options: categories.map((c) => ({ value: c.slug, label: c.name, count: counts.get(c.slug) ?? 0 })),
    chosen: chosen && { value: chosen.slug, label: chosen.name },
    ...(asked && !chosen ? { error: 'Kategori tidak dikenal, jadi yang tampil adalah semua kategori.' } : {}),
  };
}
