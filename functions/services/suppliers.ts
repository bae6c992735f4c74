import { formatBrowseKey, MAX_OFFSET, type BrowseKey, type SearchSpec } from '../../src/core/search.ts';
import { supplierJson } from '../../src/core/supplier-record.ts';
import { searchSuppliers } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';

/**
 * Pagination links that keep every filter of the request. A browse (no keywords) goes on
 * by `after`, a seek that costs the same at any depth; keyword results page by number
 * within their ranked window. Numbered pages stop at MAX_OFFSET.
 */
export function pageLinks(url: URL, spec: SearchSpec, pages: number, next: BrowseKey | undefined) {
  const link = (set: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(url.searchParams);
    params.delete('after');
    params.delete('page');
    set(params);
    return `${url.pathname}?${params.toString()}`;
  };
  const at = (n: number) => link((params) => params.set('page', String(n)));
  const numbered = (n: number) => (n - 1) * spec.perPage < MAX_OFFSET;
  const following =
    spec.match === undefined
      ? next && link((params) => params.set('after', formatBrowseKey(next)))
      : spec.page < pages && numbered(spec.page + 1)
        ? at(spec.page + 1)
        : undefined;
  return {
    self: spec.after ? `${url.pathname}${url.search}` : at(spec.page),
    first: at(1),
    ...(spec.page > 1 && !spec.after ? { prev: at(spec.page - 1) } : {}),
    ...(following ? { next: following } : {}),
    ...(numbered(pages) ? { last: at(pages) } : {}),
  };
}

/** A supplier search and its page of results, as the API and the /pengadaan page share it. */
export async function supplierSearch(deps: Required<AppDeps>, url: URL, spec: SearchSpec) {
  const result = await searchSuppliers(deps.db, spec);
  const pages = Math.max(1, Math.ceil(result.reachable / spec.perPage));
  return {
    items: result.items.map((s) => supplierJson(s, deps.config.SITE_URL)),
    total: result.total,
    verified: result.verified,
    priceRange: result.priceRange,
    order: result.order,
    page: spec.page,
    perPage: spec.perPage,
    pages,
    links: pageLinks(url, spec, pages, result.next),
    /** Browsing on from a listing (after), so the page has no number. */
    continued: spec.after !== undefined,
  };
}

