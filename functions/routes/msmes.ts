import { Hono } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { findCategory, findDistrict, findRegency } from '../../src/core/reference.ts';
import { parseSearchQuery } from '../../src/core/search.ts';
import { getPublishedMsme, searchMsmes, type MsmeSummaryRow } from '../../db/queries/msmes.ts';
import type { AppDeps } from '../deps.ts';
import { PUBLIC_CACHE } from './suppliers.ts';
import { pageLinks } from '../services/suppliers.ts';


/** Region and category codes with their names, so API clients need no lookup tables. */
function named(row: { category: string; regencyCode: string; districtCode: string }) {
  return {
    categoryName: findCategory(row.category)?.name ?? row.category,
    regency: { code: row.regencyCode, name: findRegency(row.regencyCode)?.name ?? row.regencyCode },
    district: { code: row.districtCode, name: findDistrict(row.districtCode)?.name ?? row.districtCode },
  };
}

function summary(row: MsmeSummaryRow) {
  const { id: _id, regencyCode: _r, districtCode: _d, ...rest } = row;
  return { ...rest, ...named(row), nibVerified: row.nibVerifiedAt !== null, halal: row.halalNumber !== null };
}

export function msmeRoutes(deps: Required<AppDeps>) {
  return new Hono()
    .get('/', async (c) => {
      const url = new URL(c.req.url);
      const spec = parseSearchQuery(url.searchParams);
      const { items, total, reachable, next } = await searchMsmes(deps.db, spec);
      const pages = Math.max(1, Math.ceil(reachable / spec.perPage));
      c.header('cache-control', PUBLIC_CACHE);
      return c.json({ items: items.map(summary), total, page: spec.page, perPage: spec.perPage, pages, links: pageLinks(url, spec, pages, next) });
    })
    .get('/:slug', async (c) => {
      const slug = c.req.param('slug');
      const msme = /^[a-z0-9-]{1,80}$/.test(slug) ? await getPublishedMsme(deps.db, slug) : undefined;
      if (!msme) throw new AppError('NOT_FOUND', messages.msmeNotFound);
      c.header('cache-control', PUBLIC_CACHE);
      return c.json({ ...msme, ...named(msme) });
    });
}
