import { eq, sql } from 'drizzle-orm';
import { findCategory, findDistrict, findRegency } from '../../src/core/reference.ts';
import type { DbOrTx } from '../client.ts';
import { msmes, products } from '../schema.ts';

/**
 * Rewrites one listing's row in the full-text index: present while published, absent
 * otherwise. Call it in the same transaction as the change.
 */
export async function syncSearchIndex(db: DbOrTx, msmeId: number): Promise<void> {
  await db.run(sql`DELETE FROM msme_fts WHERE rowid = ${msmeId}`);
  const [m] = await db.select().from(msmes).where(eq(msmes.id, msmeId));
  if (!m || m.status !== 'published') return;
  const items = await db.select({ name: products.name }).from(products).where(eq(products.msmeId, msmeId));
  const district = findDistrict(m.districtCode);
  const place = [findRegency(m.regencyCode)?.name, district?.name, district?.alsoKnownAs].filter(Boolean).join(' ');
  const category = findCategory(m.category)?.name ?? m.category;
  await db.run(
    sql`INSERT INTO msme_fts (rowid, name, description, products, place, category)
        VALUES (${msmeId}, ${m.name}, ${m.description}, ${items.map((p) => p.name).join(' ')}, ${place}, ${category})`,
  );
}
