import { serve } from '@hono/node-server';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { createNodeServer } from '../functions/node.ts';
import { parseEnv } from '../functions/config.ts';
import { buildSite } from '../scripts/build.ts';
import { progress, say } from '../scripts/cli.ts';
import { peakMemory } from './memory.ts';
import { firstSearchBytes } from './first-search.ts';
import { benchApi } from './api.ts';
import { lighthouseBudgets, type PageBudget } from './lighthouse.ts';

/**
 * `npm run bench [-- --site 1000,10000] [--api 100000]`: for each site size, seeds that
 * many sample listings into a fresh database, builds the site and its search index; for
 * each API size, measures supplier search in process and over HTTP. Prints the figures
 * against the bars in the issues and writes bench/results/latest.json.
 */
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : (process.argv[i + 1] ?? '').split(',').map(Number).filter((n) => n > 0);
};
const runs = option('site') ?? [1000, 10000];
const apiRuns = option('api') ?? [100_000];
const root = fileURLToPath(new URL('..', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function measure(n: number) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', `bench-${n}-`));
  try {
    const databaseUrl = `file:${join(dir, 'bench.db')}`;
    const { db, client } = await openDb(databaseUrl);
    say(`[${n}] mengisi ${n} listing contoh …`);
    const seedStarted = Date.now();
    await seedSample(db, { total: n, now: new Date('2026-11-01T00:00:00Z'), onProgress: progress('seed') });
    const seedMs = Date.now() - seedStarted;

    say(`[${n}] build situs + indeks Pagefind …`);
    const outDir = join(dir, 'dist');
    const memory = peakMemory();
    const buildMs = await buildSite({ databaseUrl, outDir, quiet: true, onSpawn: (pid) => memory.watch(pid) });
    const peakBytes = memory.stop();

    const files = walk(outDir);
    const clientFiles = walk(join(outDir, 'client'));
    const profiles = readdirSync(join(outDir, 'client', 'umkm')).map((slug) => join(outDir, 'client', 'umkm', slug, 'index.html'));
    const sample = profiles.filter((_, i) => i % Math.max(1, Math.floor(profiles.length / 200)) === 0);
    const gz = sample.map((f) => gzipSync(readFileSync(f), { level: 9 }).length);
    const clientBytes = clientFiles.reduce((a, f) => a + statSync(f).size, 0);

    say(`[${n}] mengukur pencarian pertama di Chromium …`);
    const config = parseEnv({ DATABASE_URL: databaseUrl });
    const app = createNodeServer({ db, config, clientDir: join(outDir, 'client') });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    const search = await firstSearchBytes(`http://127.0.0.1:${port}`, 'keripik');
    let budgets: PageBudget[] = [];
    if (n === runs[0]) {
      say(`[${n}] Lighthouse (seluler) per jenis halaman …`);
      const profile = readdirSync(join(outDir, 'client', 'umkm'))[0];
      budgets = await lighthouseBudgets(`http://127.0.0.1:${port}`, {
        beranda: '/',
        profil: `/umkm/${profile}/`,
        kategori: '/kategori/kuliner/',
        wilayah: '/wilayah/32-73/',
        cari: '/cari/',
        daftar: '/daftar/',
        pengadaan: '/pengadaan/?category=kuliner',
      });
    }
    await new Promise((resolve) => server.close(resolve));
    client.close();
    return {
      listings: n,
      seedMs,
      buildMs,
      peakMemoryMB: Math.round(peakBytes / 1024 / 1024),
      files: files.length,
      clientFiles: clientFiles.length,
      clientMB: +(clientBytes / 1024 / 1024).toFixed(1),
      profileGzipMedianBytes: median(gz),
      profileGzipMaxBytes: Math.max(...gz),
      firstSearchBytes: search.total,
      firstSearchByType: search.byType,
      firstSearchResults: search.results,
      budgets,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const n of runs) results.push(await measure(n));
const apiResults = [];
for (const n of apiRuns) apiResults.push(await benchApi(n));

const bars = { buildMs: 60_000, peakMemoryMB: 2048, firstSearchBytes: 200 * 1024, profileGzip: 14 * 1024 };
const ok = (pass: boolean) => (pass ? 'ok' : 'MELEBIHI');

/** Prints one Markdown table of figures, with its title and the bars it is held to. */
function table(title: string, header: string[], rows: (string | number)[][], bars: string) {
  if (rows.length === 0) return;
  console.log(`\n${title}`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${'---|'.repeat(header.length)}`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(bars);
}

table(
  'Etalase Jabar — benchmark build dan pencarian',
  ['listing', 'seed', 'build+indeks', 'memori puncak', 'berkas (client)', 'profil gzip median/maks', 'pencarian pertama'],
  results.map((r) => [
    r.listings,
    `${(r.seedMs / 1000).toFixed(1)} s`,
    `${(r.buildMs / 1000).toFixed(1)} s (${ok(r.buildMs <= bars.buildMs)})`,
    `${r.peakMemoryMB} MB (${ok(r.peakMemoryMB < bars.peakMemoryMB)})`,
    `${r.files} (${r.clientFiles}, ${r.clientMB} MB)`,
    `${kb(r.profileGzipMedianBytes)} / ${kb(r.profileGzipMaxBytes)} (${ok(r.profileGzipMaxBytes <= bars.profileGzip)})`,
    `${kb(r.firstSearchBytes)} (${ok(r.firstSearchBytes <= bars.firstSearchBytes)}; ${Object.entries(r.firstSearchByType).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`,
  ]),
  'Batas: build+indeks ≤ 60 s dan < 2 GB untuk 10.000 listing; pencarian pertama ≤ 200 kB; profil ≤ 14 kB gzip.',
);

table(
  `Anggaran per jenis halaman (Lighthouse seluler, ${results[0]?.listings} listing; byte terkirim, gzip)`,
  ['halaman', 'HTML', 'CSS', 'JS', 'total', 'performa', 'aksesibilitas', 'praktik terbaik', 'SEO', 'LCP', 'CLS', 'batas'],
  results
    .flatMap((r) => r.budgets)
    .map((b) => {
      const strict = ['beranda', 'profil', 'cari', 'daftar'].includes(b.page);
      const light = b.page === 'profil' || b.page === 'kategori';
      const pass =
        (!strict || (b.performance >= 95 && b.accessibility === 100 && b.bestPractices >= 95 && b.seo === 100)) &&
        (!light || (b.htmlBytes <= 14 * 1024 && b.totalBytes <= 50 * 1024)) &&
        b.lcpMs <= 1500 &&
        b.cls <= 0.02;
      return [b.page, kb(b.htmlBytes), kb(b.cssBytes), kb(b.jsBytes), kb(b.totalBytes), b.performance, b.accessibility, b.bestPractices, b.seo, `${b.lcpMs} ms`, b.cls, ok(pass)];
    }),
  'Batas: performa ≥ 95, aksesibilitas 100, praktik terbaik ≥ 95, SEO 100 (beranda, profil, cari, daftar); profil dan kategori ≤ 14 kB HTML dan ≤ 50 kB total; LCP ≤ 1,5 s; CLS ≤ 0,02.',
);

table(
  'Etalase Jabar — API pemasok (kata kunci + 2 filter)',
  ['listing', 'searchSuppliers p50 / p95 / maks', 'proses server', 'GET /api/suppliers req/s', 'p50 / p99', 'galat', 'hello-world req/s', 'rasio'],
  apiResults.map((r) => [
    r.listings,
    `${r.search.p50.toFixed(2)} / ${r.search.p95.toFixed(2)} / ${r.search.max.toFixed(2)} ms (${ok(r.search.p95 <= 10)})`,
    r.workers,
    `${r.suppliers.rps.toFixed(0)} (${ok(r.suppliers.rps >= 300)})`,
    `${r.suppliers.p50} / ${r.suppliers.p99} ms (${ok(r.suppliers.p99 <= 50)})`,
    r.suppliers.errors,
    r.hello.rps.toFixed(0),
    r.ratio.toFixed(3),
  ]),
  'Batas: p95 ≤ 10 ms dalam proses; ≥ 300 req/s dengan p99 ≤ 50 ms tanpa galat.',
);
table(
  'Etalase Jabar — jelajah tanpa kata kunci (searchMsmes dalam proses)',
  ['listing', 'jelajah', 'listing di dalamnya', 'halaman 1 p95', 'kedalaman (after) p95'],
  apiResults.flatMap((r) => r.browse.rows.map((b) => [r.listings, b.label, b.size, `${b.first.toFixed(2)} ms`, `${b.depth.toLocaleString('id-ID')}: ${b.deep.toFixed(2)} ms (${ok(b.deep <= 15 && b.deep <= Math.max(2 * b.first, b.first + 2))})`])),
  'Batas: p95 ≤ 15 ms, dan halaman dalam secepat halaman 1 (keyset, bukan offset).',
);
table(
  'Etalase Jabar — /pengadaan tanpa kata kunci, 2 filter (searchSuppliers dalam proses, dengan ringkasan)',
  ['listing', 'filter', 'p95'],
  apiResults.flatMap((r) => Object.entries(r.browse.supplierBrowse).map(([query, p95]) => [r.listings, query, `${p95.toFixed(2)} ms (${ok(p95 <= 15)})`])),
  'Batas: p95 ≤ 15 ms.',
);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), results, api: apiResults }, null, 2)}\n`);
