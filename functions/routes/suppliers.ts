import { Hono, type Context } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { formatBrowseKey, MAX_OFFSET, MAX_PER_PAGE, parseSearchQuery, type BrowseKey, type SearchSpec } from '../../src/core/search.ts';
import { supplierCsvHeader, supplierCsvRow, supplierJson } from '../../src/core/supplier-record.ts';
import { toCsv } from '../../src/core/csv.ts';
import { searchSuppliers, suppliersBySlugs } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';
import { openApiDocument } from '../openapi.ts';

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';
const EXPORT_MAX = 5000;
const SHORTLIST_MAX = 50;

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

/** Takes the export-only parameters out, so the rest is checked like any search. */
function exportParams(url: URL) {
  const params = new URLSearchParams(url.searchParams);
  const format = params.get('format');
  const slugs = params.get('slugs');
  params.delete('format');
  params.delete('slugs');
  if (format !== 'csv' && format !== 'json') {
    throw new AppError('BAD_REQUEST', messages.badRequest, { fields: [{ path: 'format', message: messages.exportFormat }] });
  }
  const list = slugs === null ? undefined : slugs.split(',').map((s) => s.trim()).filter(Boolean);
  if (list && (list.length > SHORTLIST_MAX || list.some((s) => !/^[a-z0-9-]{1,80}$/.test(s)))) {
    throw new AppError('BAD_REQUEST', messages.badRequest, { fields: [{ path: 'slugs', message: messages.exportSlugs(SHORTLIST_MAX) }] });
  }
  return { format, slugs: list, params } as const;
}

function download(c: Context, format: 'csv' | 'json', items: ReturnType<typeof supplierJson>[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  c.header('cache-control', 'no-store');
  c.header('content-disposition', `attachment; filename="pemasok-etalase-jabar-${stamp}.${format}"`);
  if (format === 'json') return c.json(items);
  c.header('content-type', 'text/csv; charset=utf-8');
  return c.body(toCsv(supplierCsvHeader, items.map(supplierCsvRow)));
}

/** GET /api/suppliers, its export and its OpenAPI description. */
export function supplierRoutes(deps: Required<AppDeps>) {
  return new Hono()
    .get('/', async (c) => {
      const url = new URL(c.req.url);
      const body = await supplierSearch(deps, url, parseSearchQuery(url.searchParams));
      c.header('cache-control', PUBLIC_CACHE);
      return c.json(body);
    })
    .get('/export', async (c) => {
      const { format, slugs, params } = exportParams(new URL(c.req.url));
      if (slugs) {
        const rows = await suppliersBySlugs(deps.db, slugs);
        return download(c, format, rows.map((s) => supplierJson(s, deps.config.SITE_URL)));
      }
      if (params.has('page') || params.has('per_page')) {
        throw new AppError('BAD_REQUEST', messages.badRequest, { fields: [{ path: 'page', message: messages.exportNoPaging }] });
      }
      const spec = parseSearchQuery(params);
      const items = [];
      for (let page = 1; items.length < EXPORT_MAX; page++) {
        const result = await searchSuppliers(deps.db, { ...spec, page, perPage: MAX_PER_PAGE });
        items.push(...result.items.map((s) => supplierJson(s, deps.config.SITE_URL)));
        if (page * MAX_PER_PAGE >= result.reachable) break;
      }
      return download(c, format, items.slice(0, EXPORT_MAX));
    });
}

export function openApiRoutes(deps: Required<AppDeps>) {
  return new Hono().get('/', (c) => {
    c.header('cache-control', PUBLIC_CACHE);
    return c.json(openApiDocument(deps.config.SITE_URL));
  });
}
