import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { findCategory, findDistrict, findRegency } from '../../src/core/reference.ts';
import { searchQuerySchema, toSearchSpec } from '../../src/core/search.ts';
import { msmePageSchema, msmeSchema, slugParam } from '../../src/core/api-schemas.ts';
import { getPublishedMsme, searchMsmes, type MsmeSummaryRow } from '../../db/queries/msmes.ts';
import type { AppDeps } from '../deps.ts';
import { photoSrc, photoSrcset } from '../../src/core/photo-urls.ts';
import { json, plainQuery, problem } from '../route-kit.ts';
import { pageLinks } from '../services/suppliers.ts';
import { PUBLIC_CACHE } from './suppliers.ts';

/** Region and category codes with their names, so API clients need no lookup tables. */
function named(row: { category: string; regencyCode: string; districtCode: string }) {
  return {
    categoryName: findCategory(row.category)?.name ?? row.category,
    regency: { code: row.regencyCode, name: findRegency(row.regencyCode)?.name ?? row.regencyCode },
    district: { code: row.districtCode, name: findDistrict(row.districtCode)?.name ?? row.districtCode },
  };
}

function summary(row: MsmeSummaryRow) {
  const { id: _id, regencyCode: _r, districtCode: _d, photo, ...rest } = row;
  return { ...rest, ...named(row), thumbnail: photo ? photoSrc({ fileKey: photo }, 'thumb.webp') : null, nibVerified: row.nibVerifiedAt !== null, halal: row.halalNumber !== null };
}

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchMsmes',
  summary: 'Cari atau jelajahi UMKM yang tayang',
  description: 'Kata kunci dicocokkan sebagai awalan kata dan diurutkan menurut relevansi (BM25); tanpa kata kunci: terverifikasi lebih dulu, lalu yang terbaru, dan links.next memakai after (secepat halaman pertama, sedalam apa pun).',
  middleware: [plainQuery],
  request: { query: searchQuerySchema },
  responses: { 200: json('Satu halaman UMKM', msmePageSchema), 400: problem('Parameter tidak valid; `errors` menyebut parameternya') },
});

const one = createRoute({
  method: 'get',
  path: '/{slug}',
  operationId: 'getMsme',
  summary: 'Satu UMKM yang tayang, dengan tautan toko dan produknya',
  request: { params: slugParam },
  responses: { 200: json('Profil UMKM', msmeSchema), 404: problem('Tidak ada UMKM tayang dengan slug ini') },
});

export function msmeRoutes(deps: Required<AppDeps>) {
  return new OpenAPIHono()
    .openapi(list, async (c) => {
      const url = new URL(c.req.url);
      const spec = toSearchSpec(c.req.valid('query'));
      const { items, total, reachable, next } = await searchMsmes(deps.db, spec);
      const pages = Math.max(1, Math.ceil(reachable / spec.perPage));
      c.header('cache-control', PUBLIC_CACHE);
      return c.json({ items: items.map(summary), total, page: spec.page, perPage: spec.perPage, pages, links: pageLinks(url, spec, pages, next) } as never, 200);
    })
    .openapi(one, async (c) => {
      const { slug } = c.req.valid('param');
      const msme = /^[a-z0-9-]{1,80}$/.test(slug) ? await getPublishedMsme(deps.db, slug) : undefined;
      if (!msme) throw new AppError('NOT_FOUND', messages.msmeNotFound);
      c.header('cache-control', PUBLIC_CACHE);
      const photos = msme.photos.map((p) => ({ kind: p.kind, caption: p.caption, width: p.width, height: p.height, srcset: photoSrcset(p), thumbnail: photoSrc(p, 'thumb.webp'), preview: photoSrc(p, 'og.jpg') }));
      return c.json({ ...msme, ...named(msme), photos } as never, 200);
    });
}
