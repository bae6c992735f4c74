import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, msmes, products, storeLinks } from '../schema.ts';
import { indexMany, optimizeSearchIndex } from '../queries/search-index.ts';
import { refillFacetCounts } from '../queries/facets.ts';
import { refillStatsMonthly } from '../queries/stats.ts';
import { childRows, listingRow } from '../queries/registrations.ts';
import { randomBytes } from 'node:crypto';
import { slugCandidate, slugify } from '../../src/core/slug.ts';
import { sampleListing } from './generator.ts';

/** Listings per multi-row INSERT, and per transaction: one commit (and its fsync) per 10,000. */
const BATCH = 1000;
const PER_TRANSACTION = 10_000;

export interface SeedProgress {
  done: number;
  total: number;
}

/**
 * Inserts `total` published sample listings (marked isSample) with their links, products,
 * audit rows and search index rows, 1,000 to a statement and 10,000 to a transaction. Slugs stay
 * unique across the whole run and against what is already stored.
 */
export async function seedSample(
  db: Db,
  options: {
    total: number;
    seed?: number;
    now?: Date;
    onProgress?: (p: SeedProgress) => void;
    onIndex?: (p: SeedProgress) => void;
    /** From how many listings an empty database is filled with its indexes built at the end (50,000). */
    bulkFrom?: number;
  },
): Promise<number> {
  const now = options.now ?? new Date();
  const taken = new Set((await db.select({ slug: msmes.slug }).from(msmes)).map((r) => r.slug));
  // Filling an empty database with many listings: the indexes are built once at the end,
  // sorted, rather than row by row in random order (1,000,000 listings: 384 -> 242 s), and
  // the filter counts once from what was loaded rather than by their triggers, row by row.
  const deferred = taken.size === 0 && options.total >= (options.bulkFrom ?? BULK) ? await dropDeferred(db) : [];
  try {
    await insertSample(db, options, now, taken);
  } finally {
    // Indexes first, then the counts filled from what was loaded, then their triggers again
    // (made last, so filling each listing's platforms does not run them a million times).
    const triggers = deferred.filter((create) => create.startsWith('CREATE TRIGGER'));
    for (const [i, create] of deferred.filter((c) => !triggers.includes(c)).entries()) {
      await db.run(sql.raw(create));
      options.onIndex?.({ done: i + 1, total: deferred.length - triggers.length });
    }
    if (deferred.length > 0) {
      await refillFacetCounts(db);
      await refillStatsMonthly(db);
    }
    for (const create of triggers) await db.run(sql.raw(create));
  }
  await optimizeSearchIndex(db);
  return options.total;
}

/** Listings from which an empty database is filled with its indexes built at the end. */
const BULK = 50_000;

/** The tables a seed writes to, whose indexes are dropped for a bulk fill and made again after. */
const SEEDED_TABLES = ['msmes', 'store_links', 'products', 'audit_log'];

/**
 * Drops the seeded tables' own indexes and the filter-count triggers (which look up store
 * links by index), and returns the statements that make them again, indexes first.
 */
async function dropDeferred(db: Db): Promise<string[]> {
  const rows = await db.all<{ type: string; name: string; sql: string }>(
    sql`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${sql.join(SEEDED_TABLES.map((t) => sql`${t}`), sql`, `)})
        AND (type = 'index' OR (type = 'trigger' AND substr(name, 1, 6) = 'facet_')) ORDER BY type = 'trigger', name`,
  );
  for (const row of rows) await db.run(sql.raw(`DROP ${row.type === 'index' ? 'INDEX' : 'TRIGGER'} "${row.name.replace(/"/g, '""')}"`));
  return rows.map((r) => r.sql);
}

async function insertSample(db: Db, options: { total: number; seed?: number; onProgress?: (p: SeedProgress) => void }, now: Date, taken: Set<string>) {
  // Every row needs a status token hash; sample rows get 256 random bits in its shape,
  // the hash of no token anyone holds, so nobody can open their status page.
  const tokenHash = () => randomBytes(32).toString('hex');
  for (let first = 0; first < options.total; first += PER_TRANSACTION) {
    const last = Math.min(options.total, first + PER_TRANSACTION);
    await db.transaction(async (tx) => {
      for (let start = first; start < last; start += BATCH) {
        const end = Math.min(last, start + BATCH);
        const batch = Array.from({ length: end - start }, (_, k) => sampleListing(start + k, options.seed, now));
        const values: (typeof msmes.$inferInsert)[] = [];
        for (const s of batch) {
          const base = slugify(s.registration.name);
          let n = 1;
          while (taken.has(slugCandidate(base, n))) n++;
          const slug = slugCandidate(base, n);
          taken.add(slug);
          values.push(
            listingRow(s.registration, slug, {
              now: s.publishedAt,
              statusTokenHash: tokenHash(),
              actor: 'system',
              status: 'published',
              verification: s.verification,
              verifiedAt: s.verifiedAt,
              nibVerifiedAt: s.nibVerifiedAt,
              halalVerifiedAt: s.halalVerifiedAt,
              isJuara: s.isJuara,
              isSample: true,
            }),
          );
        }
        // In slices of 500 rows: a row has over 40 columns, and SQLite takes at most 32,766 variables per statement.
        const ids: { id: number }[] = [];
        for (let k = 0; k < values.length; k += 500) ids.push(...(await tx.insert(msmes).values(values.slice(k, k + 500)).returning({ id: msmes.id })));
        const children = batch.map((s, k) => childRows(ids[k]!.id, s.registration, s.pricesConfirmedAt));
        const links = children.flatMap((c) => c.links);
        const items = children.flatMap((c) => c.items);
        for (let i = 0; i < links.length; i += 500) await tx.insert(storeLinks).values(links.slice(i, i + 500));
        for (let i = 0; i < items.length; i += 500) await tx.insert(products).values(items.slice(i, i + 500));
        await tx.insert(auditLog).values(ids.map(({ id }) => ({ msmeId: id, action: 'seed', actor: 'system', at: now, detail: { sample: true } })));
        await indexMany(
          tx,
          batch.map((s, k) => ({
            msme: { id: ids[k]!.id, ...s.registration, nibVerifiedAt: s.nibVerifiedAt, halalVerifiedAt: s.halalVerifiedAt, halalNumber: s.registration.halalNumber ?? null, pirtNumber: s.registration.pirtNumber ?? null, isJuara: s.isJuara },
            productNames: s.registration.products.map((p) => p.name),
            platforms: s.registration.storeLinks.map((l) => l.platform),
          })),
        );
        options.onProgress?.({ done: end, total: options.total });
      }
    });
    await releaseNativeMemory();
  }
}

/**
 * The libSQL driver frees a statement's native memory only when V8 collects the statement's
 * JavaScript wrapper, and V8 does not count that memory, so it seldom collects: a seed grew
 * by about 10 kB per listing (about 9 GB for a million). Where the process runs with
 * --expose-gc (npm run db:seed, npm run bench), a collection after each batch, and a turn of
 * the event loop for the finalisers, keeps it flat.
 */
async function releaseNativeMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setImmediate(resolve));
}

/** Removes every sample listing and its index rows; real registrations stay. */
export async function removeSample(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(msmes).where(eq(msmes.isSample, true));
  await db.transaction(async (tx) => {
    const sample = sql`SELECT ${msmes.id} FROM ${msmes} WHERE ${msmes.isSample} = 1`;
    await tx.run(sql`DELETE FROM msme_fts WHERE rowid IN (${sample})`);
    await tx.delete(storeLinks).where(inArray(storeLinks.msmeId, sample));
    await tx.delete(products).where(inArray(products.msmeId, sample));
    await tx.delete(auditLog).where(inArray(auditLog.msmeId, sample));
    await tx.delete(msmes).where(eq(msmes.isSample, true));
  });
  return row?.n ?? 0;
}

export async function countListings(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(msmes);
  return row?.n ?? 0;
}
