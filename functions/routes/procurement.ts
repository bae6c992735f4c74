import { Hono } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { parseSearchQuery } from '../../src/core/search.ts';
import { supplierJson } from '../../src/core/supplier-record.ts';
import { suppliersBySlugs } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';
import { shellPage } from '../html/shell.ts';
import { renderComparePage, renderProcurementPage, renderSupplierSheet } from '../html/procurement.ts';
import { renderApiDocs } from '../html/api-docs.ts';
import { openApiDocument } from '../openapi.ts';
import { supplierSearch } from './suppliers.ts';

/** /pengadaan: the supplier finder, the comparison and the printable sheet, rendered on the server. */
export function procurementRoutes(deps: Required<AppDeps>) {
  const page = async (request: Request, title: string, main: string, status: 200 | 400 | 404 = 200, indexable = false) => {
    const { pathname, search } = new URL(request.url);
    const url = new URL(`${pathname}${search}`, deps.config.SITE_URL).toString();
    const description = 'Cari pemasok UMKM Jawa Barat untuk pengadaan barang/jasa pemerintah: filter kategori, KBLI, wilayah, NIB terverifikasi, halal dan P-IRT.';
    return new Response(await shellPage(deps, request, { title, main, url, description, indexable }), {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': status === 200 ? 'public, max-age=60' : 'no-store' },
    });
  };
  return new Hono()
    .get('/', async (c) => {
      const url = new URL(c.req.url);
      try {
        const result = await supplierSearch(deps, url, parseSearchQuery(url.searchParams));
        return page(c.req.raw, 'Cari pemasok UMKM', renderProcurementPage({ params: url.searchParams, errors: [], result }), 200, true);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'BAD_REQUEST') throw error;
        return page(c.req.raw, 'Cari pemasok UMKM', renderProcurementPage({ params: url.searchParams, errors: error.fields }), 400);
      }
    })
    .get('/bandingkan', async (c) => {
      const slugs = (c.req.query('slugs') ?? '').split(',').filter((s) => /^[a-z0-9-]{1,80}$/.test(s)).slice(0, 50);
      const items = (await suppliersBySlugs(deps.db, slugs)).map((s) => supplierJson(s, deps.config.SITE_URL));
      return page(c.req.raw, 'Bandingkan pemasok', renderComparePage(items));
    })
    .get('/pemasok/:slug', async (c) => {
      const [supplier] = await suppliersBySlugs(deps.db, [c.req.param('slug')].filter((s) => /^[a-z0-9-]{1,80}$/.test(s)));
      if (!supplier) throw new AppError('NOT_FOUND', messages.msmeNotFound);
      return page(c.req.raw, `Lembar pemasok ${supplier.name}`, renderSupplierSheet(supplierJson(supplier, deps.config.SITE_URL), deps.clock()));
    });
}

/** /api/docs: the OpenAPI document as a readable page. */
export function apiDocsRoutes(deps: Required<AppDeps>) {
  return new Hono().get('/', async (c) =>
    c.html(
      await shellPage(deps, c.req.raw, {
        title: 'Dokumentasi API',
        main: renderApiDocs(openApiDocument(deps.config.SITE_URL)),
        url: new URL('/api/docs', deps.config.SITE_URL).toString(),
        description: 'API data terbuka pemasok UMKM Jawa Barat (OpenAPI 3.1).',
        indexable: true,
      }),
    ),
  );
}
