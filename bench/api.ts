import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { searchSuppliers } from '../db/queries/suppliers.ts';
import { searchMsmes } from '../db/queries/msmes.ts';
import { runSearchPage } from '../src/lib/search-page.ts';
import { parseSearchQuery, type SearchSpec } from '../src/core/search.ts';
import type { Db } from '../db/client.ts';
import { progress, say } from '../scripts/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Keyword + two filters, the buyer's typical search (issue 4's bar). */
export const typicalSearches = [
  'q=keripik&regency=32.73&verified=1',
  'q=kopi&category=kuliner&halal=1',
  'q=batik&regency=32.05&verified=1',
  'q=dodol&category=oleh-oleh&pirt=1',
  'q=sabun&category=kecantikan&platform=shopee',
  'q=kursi&regency=32.04&verified=1',
  'q=bandrek&halal=1&regency=32.11',
  'q=laundry&category=jasa&juara=1',
];

/**
 * A seeded database of `n` listings, kept in .tmp between runs and rebuilt whenever the
 * migrations or the sample generator change (their contents are hashed into its name).
 */
export async function seededDatabase(n: number): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['db/migrations', 'db/seed']) {
    for (const f of readdirSync(join(root, dir)).sort()) if (/\.(sql|ts)$/.test(f)) hash.update(readFileSync(join(root, dir, f)));
  }
  const file = join(root, '.tmp', `bench-api-${n}-${hash.digest('hex').slice(0, 12)}.db`);
  if (existsSync(file)) {
    say(`[api] memakai basis data ${n} listing yang sudah ada (${file})`);
    return `file:${file}`;
  }
  mkdirSync(join(root, '.tmp'), { recursive: true });
  for (const old of readdirSync(join(root, '.tmp'))) if (old.startsWith(`bench-api-${n}-`)) rmSync(join(root, '.tmp', old), { force: true });
  const partial = `${file}.partial`;
  const { db, client } = await openDb(`file:${partial}`);
  say(`[api] mengisi ${n} listing contoh (sekali saja, lalu disimpan di .tmp) …`);
  await seedSample(db, { total: n, now: new Date('2026-11-01T00:00:00Z'), onProgress: progress('seed') });
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  client.close();
  renameSync(partial, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  return `file:${file}`;
}

/** The p-th percentile of sorted samples. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** The time of `run` on each item, `rounds` times over, after one warm-up round: sorted, in milliseconds. */
export async function roundTimes<T>(items: T[], rounds: number, run: (item: T) => Promise<unknown>): Promise<number[]> {
  for (const item of items) await run(item);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const started = performance.now();
      await run(item);
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

/** searchSuppliers in process: p50/p95 over the typical searches, after a warm-up. */
async function inProcess(databaseUrl: string) {
  const { db, client } = await openDb(databaseUrl);
  const specs = typicalSearches.map((q) => parseSearchQuery(new URLSearchParams(q)));
  const times = await roundTimes(specs, 40, (spec) => searchSuppliers(db, spec));
  client.close();
  return { samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? 0 };
}

/**
 * Browsing a category and a kabupaten/kota without keywords: page 1, and the page that
 * starts 2,000 pages of 20 deep (or half way, in a smaller one), reached by `after`.
 */
async function browseDepth(databaseUrl: string) {
  const { db, client } = await openDb(databaseUrl);
  /** p95 of a search over 40 runs, after 3 to warm up. */
  const timed = async (query: string, search: (db: Db, spec: SearchSpec) => Promise<unknown> = searchMsmes) => {
    const spec = parseSearchQuery(new URLSearchParams(query));
    for (let i = 0; i < 3; i++) await search(db, spec);
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      await search(db, spec);
      times.push(performance.now() - started);
    }
    return percentile(times.sort((a, b) => a - b), 95);
  };
  const rows = [];
  for (const [label, filter, column, value] of [
    ['kategori kuliner', 'category=kuliner', 'category', 'kuliner'],
    ['Kota Bandung', 'regency=32.73', 'regency_code', '32.73'],
  ] as const) {
    const size = Number((await client.execute({ sql: `SELECT count(*) FROM msmes WHERE status = 'published' AND ${column} = ?`, args: [value] })).rows[0]?.[0] ?? 0);
    const depth = Math.min(40_000, Math.floor(size / 2));
    const [key] = (
      await client.execute({
        sql: `SELECT (nib_verified_at IS NOT NULL) || '.' || published_at || '.' || id FROM msmes WHERE status = 'published' AND ${column} = ?
              ORDER BY (nib_verified_at IS NOT NULL) DESC, published_at DESC, id DESC LIMIT 1 OFFSET ?`,
        args: [value, depth - 1],
      })
    ).rows.map((r) => String(r[0]));
    rows.push({ label, size, depth, first: await timed(filter), deep: await timed(`${filter}&after=${key}`) });
  }
  // The buyer's browse without keywords (/pengadaan): two filters, with the summary (count, verified, price span).
  const supplierBrowse: Record<string, number> = {};
  for (const query of ['category=kuliner&regency=32.73', 'category=kuliner&verified=1', 'regency=32.73&verified=1']) supplierBrowse[query] = await timed(query, searchSuppliers);
  client.close();
  return { rows, supplierBrowse };
}

/**
 * What the search page does for a keyword and two filters (runSearchPage: reading places
 * and category words, the page of results, the count of every filter option), p50/p95
 * over the typical searches with the page's own filters, as its address writes them.
 */
async function facetedSearch(databaseUrl: string) {
  const { db, client } = await openDb(databaseUrl);
  const urls = facetedSearches.map((q) => new URL(`http://localhost/cari/?${q}`));
  const times = await roundTimes(urls, 30, async (url) => {
    const page = await runSearchPage(db, url);
    if (page.errors.length > 0) throw new Error(`${url.search}: ${page.errors.map((e) => e.message).join('; ')}`);
  });
  client.close();
  return { samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Keyword + two of the search page's filters, in the page's own parameters. */
const facetedSearches = [
  'q=keripik&wilayah=32.73&nib=1',
  'q=kopi&kategori=kuliner&kategori=oleh-oleh&halal=1',
  'q=batik&wilayah=32.05&platform=shopee',
  'q=sambel&kategori=kuliner&wilayah=32.04',
  'q=makanan&halal=1&platform=gofood',
  'q=kerupuk&wilayah=32.11&kecamatan=32.11.01',
  'q=sabun&kategori=kecantikan&nib=1',
  // A word with results there: a search that finds nothing also looks for where else the words are (its own figure in the closing note).
  'q=telur&wilayah=32.01&nib=1',
];

/** The search figures for `n` listings in process: the buyer's keyword + 2 filters, the search page's with filter counts, and browsing at depth. */
export async function benchSearch(databaseUrl: string) {
  const search = await inProcess(databaseUrl);
  const faceted = await facetedSearch(databaseUrl);
  const browse = await browseDepth(databaseUrl);
  return { search, faceted, browse };
}
