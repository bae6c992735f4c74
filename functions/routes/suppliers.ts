import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { MAX_PER_PAGE, parseSearchQuery, searchQuerySchema, toSearchSpec } from '../../src/core/search.ts';
import { SUPPLIER_CSV_TEXT, supplierCsvHeader, supplierCsvRow, supplierJson } from '../../src/core/supplier-record.ts';
import { toCsv } from '../../src/core/csv.ts';
import { searchSuppliers, suppliersBySlugs } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';
import { supplierSearch } from '../services/suppliers.ts';
import { supplierPageSchema, supplierSchema } from '../../src/core/supplier-schema.ts';
import { json, plainQuery, problem } from '../route-kit.ts';

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
  return c.body(toCsv(supplierCsvHeader, items.map(supplierCsvRow), { text: SUPPLIER_CSV_TEXT }));
}

const search = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchSuppliers',
  summary: 'Cari pemasok UMKM dengan filter terstruktur',
  description: 'Filter yang sama dengan halaman /pengadaan/. Setiap pemasok dengan identitas usaha, tanggal verifikasi, tautan toko, WhatsApp dan rentang harga; halaman membawa total, jumlah terverifikasi dan rentang harga seluruh hasil.',
  middleware: [plainQuery],
  request: { query: searchQuerySchema },
  responses: { 200: json('Satu halaman pemasok', supplierPageSchema), 400: problem('Parameter tidak valid; `errors` menyebut parameternya') },
});

const { after: _after, ...exportFilters } = searchQuerySchema.shape;
const exportQuerySchema = z.strictObject({
  ...exportFilters,
  format: z.enum(['csv', 'json'], { error: messages.exportFormat }).meta({ description: 'csv (UTF-8 dengan BOM, pemisah ;) atau json.' }),
  slugs: z.string().optional().meta({ description: `Daftar slug dipisah koma (daftar pendek), maksimal ${SHORTLIST_MAX}. Tanpa ini: seluruh hasil filter, maksimal ${EXPORT_MAX.toLocaleString('id-ID')}.` }),
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  operationId: 'exportSuppliers',
  summary: 'Unduh hasil pencarian atau daftar pendek sebagai CSV atau JSON',
  description: 'page dan per_page tidak dipakai: unduhan selalu berisi seluruh hasil.',
  middleware: [plainQuery],
  request: { query: exportQuerySchema },
  responses: {
    200: { description: 'Berkas unduhan', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(supplierSchema) } } },
    400: problem('Parameter tidak valid'),
  },
});

/** GET /api/suppliers and its export. */
export function supplierRoutes(deps: Required<AppDeps>) {
  return new OpenAPIHono()
    .openapi(search, async (c) => {
      const body = await supplierSearch(deps, new URL(c.req.url), toSearchSpec(c.req.valid('query')));
      c.header('cache-control', PUBLIC_CACHE);
      return c.json(body, 200);
    })
    .openapi(exportRoute, async (c) => {
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
