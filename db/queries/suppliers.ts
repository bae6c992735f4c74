import { inArray, sql } from 'drizzle-orm';
import type { SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { msmes } from '../schema.ts';
import { dateOf as date, findMatches, inOrder, recordsByIds } from './matches.ts';

/**
 * One published supplier as a JSON array, built inside SQLite: the record, its store links
 * and its products. Reading one JSON text is several times cheaper than converting twenty
 * rows of twenty columns through the driver and the ORM, which dominated a search.
 */
const SUPPLIER_JSON = sql.raw(`json_array(
  m.id, m.slug, m.name, m.description, m.category, json(m.kbli_codes), m.kbli_edition, m.regency_code, m.district_code,
  m.address, m.whatsapp, m.nib, m.nib_verified_at, m.halal_number, m.pirt_number, m.verification, m.verified_at,
  m.is_juara, m.published_at, m.updated_at, m.halal_verified_at,
  (SELECT json_group_array(json_array(platform, url)) FROM (
    SELECT platform, url FROM store_links WHERE store_links.msme_id = m.id ORDER BY position)),
  (SELECT json_group_array(json_array(name, price_min, price_max, unit, price_confirmed_at)) FROM (
    SELECT name, price_min, price_max, unit, price_confirmed_at FROM products WHERE products.msme_id = m.id ORDER BY position)))`);

type SupplierTuple = [
  number, string, string, string, string, string[], string, string, string,
  string | null, string, string | null, number | null, string | null, string | null, string, number | null,
  number, number | null, number, number | null,
  [string, string][],
  [string, number, number | null, string | null, number | null][],
];

function fromTuple(t: SupplierTuple) {
  const [id, slug, name, description, category, kbliCodes, kbliEdition, regencyCode, districtCode, address, whatsapp, nib, nibVerifiedAt, halalNumber, pirtNumber, verification, verifiedAt, isJuara, publishedAt, updatedAt, halalVerifiedAt, links, items] = t;
  const products = items.map(([n, priceMin, priceMax, unit, confirmedAt]) => ({ name: n, priceMin, priceMax, unit, priceConfirmedAt: date(confirmedAt) }));
  return {
    id,
    slug,
    name,
    description,
    category,
    kbliCodes,
    kbliEdition,
    regencyCode,
    districtCode,
    address,
    whatsapp,
    nib,
    nibVerifiedAt: date(nibVerifiedAt),
    halalNumber,
    halalVerifiedAt: date(halalVerifiedAt),
    pirtNumber,
    verification,
    verifiedAt: date(verifiedAt),
    isJuara: isJuara === 1,
    publishedAt: date(publishedAt),
    updatedAt: new Date(updatedAt),
    storeLinks: links.map(([platform, url]) => ({ platform, url })),
    products,
    priceRange:
      products.length === 0 ? null : { min: Math.min(...products.map((p) => p.priceMin)), max: Math.max(...products.map((p) => p.priceMax ?? p.priceMin)) },
  };
}

/** Full supplier records for ids, in that order (unpublished ones left out), in one statement. */
export async function suppliersByIds(db: DbOrTx, ids: number[]) {
  return inOrder(ids, (await recordsByIds<SupplierTuple>(db, ids, SUPPLIER_JSON)).map(fromTuple));
}

/** A page of suppliers for a procurement search, with totals for the price survey (HPS). */
export async function searchSuppliers(db: DbOrTx, spec: SearchSpec) {
  const { records, ...matches } = await findMatches(db, spec, { summary: true, records: SUPPLIER_JSON });
  return { ...matches, items: inOrder(matches.ids, (records as SupplierTuple[]).map(fromTuple)) };
}

/**
 * The suppliers a price survey looks through: the best `limit` matches of a product word
 * and filters, with their products, without counting every match (db/queries/matches.ts).
 */
export async function surveySuppliers(db: DbOrTx, spec: SearchSpec, limit = 100) {
  const { records, ids } = await findMatches(db, { ...spec, page: 1, perPage: limit, after: undefined }, { records: SUPPLIER_JSON, exactTotal: false });
  return inOrder(ids, (records as SupplierTuple[]).map(fromTuple));
}

/** Published suppliers by slug, in the order given (a buyer's shortlist). */
export async function suppliersBySlugs(db: DbOrTx, slugs: string[]) {
  if (slugs.length === 0) return [];
  const rows = await db.select({ id: msmes.id, slug: msmes.slug }).from(msmes).where(inArray(msmes.slug, slugs));
  const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return suppliersByIds(db, slugs.flatMap((s) => idBySlug.get(s) ?? []));
}
