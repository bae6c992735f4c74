import { eq, sql } from 'drizzle-orm';
import { findCategory, findDistrict, findRegency } from '../../src/core/reference.ts';
import type { DbOrTx } from '../client.ts';
import { msmes, products } from '../schema.ts';

interface Indexable {
  id: number;
  name: string;
  description: string;
  category: string;
  regencyCode: string;
  districtCode: string;
}

/** The words a listing is found by: its own text, its products, and its places under every spelling. */
function document(m: Indexable, productNames: string[]) {
  const district = findDistrict(m.districtCode);
  const place = [findRegency(m.regencyCode)?.name, district?.name, district?.alsoKnownAs].filter(Boolean).join(' ');
  const category = findCategory(m.category)?.name ?? m.category;
  return sql`(${m.id}, ${m.name}, ${m.description}, ${productNames.join(' ')}, ${place}, ${category})`;
}

/** Adds many published listings to the full-text index in one statement (seeding, rebuilds). */
export async function indexMany(db: DbOrTx, rows: { msme: Indexable; productNames: string[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.run(
    sql`INSERT INTO msme_fts (rowid, name, description, products, place, category) VALUES ${sql.join(
      rows.map((r) => document(r.msme, r.productNames)),
      sql`, `,
    )}`,
  );
}

/**
 * Rewrites one listing's row in the full-text index: present while published, absent
 * otherwise. Call it in the same transaction as the change.
 */
export async function syncSearchIndex(db: DbOrTx, msmeId: number): Promise<void> {
  await db.run(sql`DELETE FROM msme_fts WHERE rowid = ${msmeId}`);
  const [m] = await db.select().from(msmes).where(eq(msmes.id, msmeId));
  if (!m || m.status !== 'published') return;
  const items = await db.select({ name: products.name }).from(products).where(eq(products.msmeId, msmeId));
  await indexMany(db, [{ msme: m, productNames: items.map((p) => p.name) }]);
}
