import { Hono, type Context } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { MAX_PER_PAGE, parseSearchQuery } from '../../src/core/search.ts';
import { supplierCsvHeader, supplierCsvRow, supplierJson } from '../../src/core/supplier-record.ts';
import { toCsv } from '../../src/core/csv.ts';
import { searchSuppliers, suppliersBySlugs } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';
import { openApiDocument } from '../openapi.ts';
import { supplierSearch } from '../services/suppliers.ts';

export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';
const EXPORT_MAX = 5000;
const SHORTLIST_MAX = 50;

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
