import { AppError } from '../core/errors.ts';
import { formatBrowseKey, parseSearchQuery, type SearchSpec } from '../core/search.ts';
import { searchMsmes } from '../../db/queries/msmes.ts';
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
