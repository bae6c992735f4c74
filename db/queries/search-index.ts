import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { findCategory, findDistrict, findRegency } from '../../src/core/reference.ts';
import { listingTags, type Taggable } from '../../src/core/search-tags.ts';
import { indexedText } from '../../src/core/word-forms.ts';
import type { Db, DbOrTx } from '../client.ts';
import { msmes, products, storeLinks } from '../schema.ts';

export interface Indexable extends Taggable {
  id: number;
  name: string;
  description: string;
}

export interface IndexRow {
  msme: Indexable;
  productNames: string[];
  platforms: string[];
}

/**
 * The words a listing is found by: its own text, its products, its places under every
 * spelling, its category with the words that name it, each with its index forms (see
 * word-forms.ts), and its filter tags.
 */
function document({ msme: m, productNames, platforms }: IndexRow) {
  const district = findDistrict(m.districtCode);
  const place = [findRegency(m.regencyCode)?.name, district?.name, district?.alsoKnownAs].filter(Boolean).join(' ');
  const found = findCategory(m.category);
  const category = found ? [found.name, ...found.names].join(' ') : m.category;
  const text = [m.name, m.description, productNames.join(' '), place, category].map(indexedText);
  return sql`(${m.id}, ${sql.join(text.map((t) => sql`${t}`), sql`, `)}, ${listingTags(m, platforms)})`;
}

/** Adds many published listings to the full-text index in one statement (seeding, rebuilds). */
export async function indexMany(db: DbOrTx, rows: IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.run(
    sql`INSERT INTO msme_fts (rowid, name, description, products, place, category, tags) VALUES ${sql.join(rows.map(document), sql`, `)}`,
  );
}

/** Index rows for stored listings, with their products and platforms, in two queries. */
async function indexRowsFor(db: DbOrTx, rows: (typeof msmes.$inferSelect)[]): Promise<IndexRow[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [items, links] = await Promise.all([
    db.select({ msmeId: products.msmeId, name: products.name }).from(products).where(inArray(products.msmeId, ids)),
    db.select({ msmeId: storeLinks.msmeId, platform: storeLinks.platform }).from(storeLinks).where(inArray(storeLinks.msmeId, ids)),
  ]);
  return rows.map((m) => ({
    msme: m,
    productNames: items.filter((p) => p.msmeId === m.id).map((p) => p.name),
    platforms: links.filter((l) => l.msmeId === m.id).map((l) => l.platform),
  }));
}

/**
 * Rewrites one listing's row in the full-text index: present while published, absent
 * otherwise. Call it in the same transaction as the change.
 */
export async function syncSearchIndex(db: DbOrTx, msmeId: number): Promise<void> {
  await db.run(sql`DELETE FROM msme_fts WHERE rowid = ${msmeId}`);
  const [m] = await db.select().from(msmes).where(eq(msmes.id, msmeId));
  if (!m || m.status !== 'published') return;
  await indexMany(db, await indexRowsFor(db, [m]));
}

/** True when the index holds exactly one row per published listing. */
export async function searchIndexInStep(db: DbOrTx): Promise<boolean> {
  const [published] = await db.select({ n: count() }).from(msmes).where(eq(msmes.status, 'published'));
  const [indexed] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM msme_fts`);
  return (published?.n ?? 0) === Number(indexed?.n ?? 0);
}

/**
 * Merges the index's segments into one after a bulk load (seeding, a rebuild). FTS5 merges
 * incrementally as single listings change; after thousands of batched inserts one merge
 * makes every search read one b-tree per term instead of dozens.
 */
export async function optimizeSearchIndex(db: DbOrTx): Promise<void> {
  await db.run(sql`INSERT INTO msme_fts(msme_fts) VALUES ('optimize')`);
}

/** Rebuilds the whole full-text index from the listings, in batches. */
export async function rebuildSearchIndex(db: Db, onProgress?: (p: { done: number; total: number }) => void): Promise<number> {
  await db.run(sql`DELETE FROM msme_fts`);
  const [published] = await db.select({ n: count() }).from(msmes).where(eq(msmes.status, 'published'));
  const total = published?.n ?? 0;
  let afterId = 0;
  let done = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(msmes)
      .where(and(eq(msmes.status, 'published'), gt(msmes.id, afterId)))
      .orderBy(msmes.id)
      .limit(1000);
    if (rows.length === 0) {
      await optimizeSearchIndex(db);
      return done;
    }
    await db.transaction(async (tx) => indexMany(tx, await indexRowsFor(tx, rows)));
    done += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    onProgress?.({ done, total });
  }
}
