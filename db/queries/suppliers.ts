import { inArray, sql } from 'drizzle-orm';
import type { SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { msmes } from '../schema.ts';
import { findMatches, inOrder } from './matches.ts';

/** What a procurement officer decides on, per supplier. */
const supplierColumns = {
  id: msmes.id,
  slug: msmes.slug,
  name: msmes.name,
  description: msmes.description,
  category: msmes.category,
  kbliCodes: msmes.kbliCodes,
  kbliEdition: msmes.kbliEdition,
  regencyCode: msmes.regencyCode,
  districtCode: msmes.districtCode,
  address: msmes.address,
  whatsapp: msmes.whatsapp,
  nib: msmes.nib,
  nibVerifiedAt: msmes.nibVerifiedAt,
  halalNumber: msmes.halalNumber,
  pirtNumber: msmes.pirtNumber,
  verification: msmes.verification,
  verifiedAt: msmes.verifiedAt,
  isJuara: msmes.isJuara,
  publishedAt: msmes.publishedAt,
  updatedAt: msmes.updatedAt,
};

interface LinkJson {
  platform: string;
  url: string;
}
interface ProductJson {
  name: string;
  priceMin: number;
  priceMax: number | null;
}

/** Full supplier records for ids, in that order, with store links, products and price range, in one statement. */
export async function suppliersByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  // By primary key alone (the planner must not prefer a status index); unpublished rows are dropped below.
  // Column names are written out in the subqueries: drizzle renders a select's own columns unqualified.
  const rows = await db
    .select({
      ...supplierColumns,
      status: msmes.status,
      links: sql<string>`(SELECT json_group_array(json_object('platform', platform, 'url', url)) FROM (
        SELECT platform, url FROM store_links WHERE store_links.msme_id = msmes.id ORDER BY position))`,
      items: sql<string>`(SELECT json_group_array(json_object('name', name, 'priceMin', price_min, 'priceMax', price_max)) FROM (
        SELECT name, price_min, price_max FROM products WHERE products.msme_id = msmes.id ORDER BY position))`,
    })
    .from(msmes)
    .where(inArray(msmes.id, ids));
  return inOrder(ids, rows.filter((r) => r.status === 'published')).map(({ status: _status, links, items, ...r }) => {
    const own = JSON.parse(items) as ProductJson[];
    return {
      ...r,
      storeLinks: JSON.parse(links) as LinkJson[],
      products: own,
      priceRange:
        own.length === 0 ? null : { min: Math.min(...own.map((p) => p.priceMin)), max: Math.max(...own.map((p) => p.priceMax ?? p.priceMin)) },
    };
  });
}

/** A page of suppliers for a procurement search, with totals for the price survey (HPS). */
export async function searchSuppliers(db: DbOrTx, spec: SearchSpec) {
  const matches = await findMatches(db, spec, { summary: true });
  return { ...matches, items: await suppliersByIds(db, matches.ids) };
}

/** Published suppliers by slug, in the order given (a buyer's shortlist). */
export async function suppliersBySlugs(db: DbOrTx, slugs: string[]) {
  if (slugs.length === 0) return [];
  const rows = await db.select({ id: msmes.id, slug: msmes.slug }).from(msmes).where(inArray(msmes.slug, slugs));
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return suppliersByIds(db, slugs.flatMap((s) => idBySlug.get(s) ?? []));
}
