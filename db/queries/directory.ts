import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { listingCounts as countsTable, msmes } from '../schema.ts';
import { summariesByIds } from './msmes.ts';

const published = eq(msmes.status, 'published');

/** The home page's figures: published listings in all, with a verified NIB, per category and per kabupaten/kota (from listing_counts). */
export async function directoryFigures(db: DbOrTx) {
  const rows = await db.select().from(countsTable);
  const byCategory = new Map<string, number>();
  const byRegency = new Map<string, number>();
  let total = 0;
  let verified = 0;
  for (const r of rows) {
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.published);
    byRegency.set(r.regencyCode, (byRegency.get(r.regencyCode) ?? 0) + r.published);
    total += r.published;
    verified += r.verified;
  }
  return { total, verified, byCategory, byRegency };
}

/** The newest published listings, as cards. */
export async function newestListings(db: DbOrTx, n: number) {
  const rows = await db.select({ id: msmes.id }).from(msmes).where(published).orderBy(desc(msmes.publishedAt), desc(msmes.id)).limit(n);
  return summariesByIds(db, rows.map((r) => r.id));
}

/** Whether sample listings are public, so pages say "Data contoh" (one seek on a partial index). */
export async function showsSample(db: DbOrTx): Promise<boolean> {
  const rows = await db.all<{ one: number }>(sql`SELECT 1 AS one FROM msmes INDEXED BY msmes_sample_idx WHERE is_sample = 1 AND status = 'published' LIMIT 1`);
  return rows.length > 0;
}

/** Sitemap pages of published profiles: listing ids in blocks of `size`, so page N is one seek at any size. */
export async function profileSitemapPages(db: DbOrTx, size: number): Promise<number> {
  const [row] = await db.select({ top: sql<number | null>`max(${msmes.id})` }).from(msmes);
  return Math.max(1, Math.ceil((row?.top ?? 0) / size));
}

/** The published profiles with ids in block `page` (1-based) of `size`. */
export async function profileSitemapEntries(db: DbOrTx, page: number, size: number) {
  return db
    .select({ slug: msmes.slug, updatedAt: msmes.updatedAt })
    .from(msmes)
    .where(and(published, sql`${msmes.id} > ${(page - 1) * size} AND ${msmes.id} <= ${page * size}`))
    .orderBy(msmes.id);
}
