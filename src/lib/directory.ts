import { AppError } from '../core/errors.ts';
import { formatBrowseKey, parseSearchQuery, type SearchSpec } from '../core/search.ts';
import type { AstroGlobal } from 'astro';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { showsSample } from '../../db/queries/directory.ts';
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
  const next = result.next ? `${url.pathname}?setelah=${formatBrowseKey(result.next)}` : undefined;
  return { items: result.items, total: result.total, next, continued: spec.after !== undefined, error };
}

/**
 * A category or kabupaten/kota page's request: the old numbered pages (/kategori/kuliner/2/)
 * lead to the first page (a Response to return); otherwise the page of listings with the
 * sample notice, cached under `tag`, or nothing for an unknown one (404) or more path (404).
 */
export async function directoryRequest(
  astro: Pick<AstroGlobal, 'locals' | 'url' | 'params' | 'response' | 'redirect' | 'cache'>,
  options: { found: boolean; base: string; filter: { category?: string; regency?: string }; tag: string },
) {
  const rest = astro.params['rest'];
  if (options.found && rest && /^\d{1,6}$/.test(rest)) return astro.redirect(options.base, 301);
  const { db } = astro.locals.portal.deps;
  const page = options.found && !rest ? await browsePage(db, astro.url, options.filter) : undefined;
  if (!page) {
    astro.response.status = 404;
    return { page, sample: false };
  }
  if (page.error) astro.response.status = 400;
  else cachePage(astro, [options.tag]);
  return { page, sample: await showsSample(db) };
}
