import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { findMatches, inOrder } from './matches.ts';
import type { SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { msmes, products, storeLinks } from '../schema.ts';

const summaryColumns = {
  id: msmes.id,
  slug: msmes.slug,
  name: msmes.name,
  description: msmes.description,
  category: msmes.category,
  regencyCode: msmes.regencyCode,
  districtCode: msmes.districtCode,
  verification: msmes.verification,
  verifiedAt: msmes.verifiedAt,
  nibVerifiedAt: msmes.nibVerifiedAt,
  halalNumber: msmes.halalNumber,
  pirtNumber: msmes.pirtNumber,
  isJuara: msmes.isJuara,
  publishedAt: msmes.publishedAt,
  priceFrom: msmes.priceMin,
};

export type MsmeSummaryRow = Awaited<ReturnType<typeof summariesByIds>>[number];

/**
 * A page of published listings matching the spec, with the total. With keywords the
 * order is BM25 relevance; without, verified first, then newest.
 */
export async function searchMsmes(db: DbOrTx, spec: SearchSpec, options: { exactTotal?: boolean } = {}) {
  const matches = await findMatches(db, spec, options);
  return { ...matches, items: await summariesByIds(db, matches.ids) };
}

/** Listing summaries (what a card shows) for these ids, in their order. */
export async function summariesByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  const [rows, extras] = await Promise.all([db.select(summaryColumns).from(msmes).where(inArray(msmes.id, ids)), summaryExtras(db, ids)]);
  return inOrder(ids, rows).map((r) => ({ ...r, ...(extras.get(r.id) ?? { platforms: [] }) }));
}

/** For a set of listings: their platforms, in one query rather than one per row. */
async function summaryExtras(db: DbOrTx, ids: number[]) {
  const out = new Map<number, { platforms: string[] }>();
  if (ids.length === 0) return out;
  for (const id of ids) out.set(id, { platforms: [] });
  const links = await db
    .select({ msmeId: storeLinks.msmeId, platform: storeLinks.platform })
    .from(storeLinks)
    .where(inArray(storeLinks.msmeId, ids))
    .orderBy(asc(storeLinks.position));
  for (const l of links) {
    const entry = out.get(l.msmeId);
    if (entry && !entry.platforms.includes(l.platform)) entry.platforms.push(l.platform);
  }
  return out;
}

/** One published listing with its store links and products, or undefined. */
export async function getPublishedMsme(db: DbOrTx, slug: string) {
  const [m] = await db
    .select()
    .from(msmes)
    .where(and(eq(msmes.slug, slug), eq(msmes.status, 'published')));
  if (!m) return undefined;
  const [links, items] = await Promise.all([
    db.select().from(storeLinks).where(eq(storeLinks.msmeId, m.id)).orderBy(asc(storeLinks.position)),
    db.select().from(products).where(eq(products.msmeId, m.id)).orderBy(asc(products.position)),
  ]);
  return toPublicMsme(m, links, items);
}

type MsmeRow = typeof msmes.$inferSelect;

/** The public face of a listing: business data only, no status token hash or email. */
function toPublicMsme(m: MsmeRow, links: (typeof storeLinks.$inferSelect)[], items: (typeof products.$inferSelect)[]) {
  return {
    slug: m.slug,
    name: m.name,
    description: m.description,
    category: m.category,
    kbliCodes: m.kbliCodes,
    kbliEdition: m.kbliEdition,
    regencyCode: m.regencyCode,
    districtCode: m.districtCode,
    address: m.address,
    whatsapp: m.whatsapp,
    nib: m.nib,
    nibVerifiedAt: m.nibVerifiedAt,
    halalNumber: m.halalNumber,
    pirtNumber: m.pirtNumber,
    verification: m.verification,
    verifiedAt: m.verifiedAt,
    isJuara: m.isJuara,
    isSample: m.isSample,
    publishedAt: m.publishedAt,
    updatedAt: m.updatedAt,
    storeLinks: links.map((l) => ({ platform: l.platform, url: l.url })),
    products: items.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax })),
  };
}

export type PublicMsme = ReturnType<typeof toPublicMsme>;

/**
 * Every published listing with links and products, streamed in pages of `batch` so a
 * build of 100,000 listings never holds more than one page of rows from the driver.
 */
export async function* allPublishedMsmes(db: DbOrTx, batch = 2000): AsyncGenerator<PublicMsme[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(msmes)
      .where(and(eq(msmes.status, 'published'), sql`${msmes.id} > ${afterId}`))
      .orderBy(asc(msmes.id))
      .limit(batch);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [links, items] = await Promise.all([
      db.select().from(storeLinks).where(inArray(storeLinks.msmeId, ids)).orderBy(asc(storeLinks.position)),
      db.select().from(products).where(inArray(products.msmeId, ids)).orderBy(asc(products.position)),
    ]);
    const linksBy = groupBy(links, (l) => l.msmeId);
    const itemsBy = groupBy(items, (p) => p.msmeId);
    yield rows.map((m) => toPublicMsme(m, linksBy.get(m.id) ?? [], itemsBy.get(m.id) ?? []));
    afterId = ids[ids.length - 1] ?? afterId;
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
