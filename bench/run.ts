import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../scripts/build.ts';
import { say } from '../scripts/cli.ts';
import { startPortal } from '../test/drill/portal.ts';
import { benchSearch, seededDatabase } from './api.ts';
import { measureBuilds } from './build.ts';
import { firstSearchBytes } from './first-search.ts';
import { benchHttp } from './http.ts';
import { benchPages } from './pages.ts';
import { lighthouseBudgets, type PageBudget } from './lighthouse.ts';
import { benchRelevance } from './relevance.ts';
import { benchSurvey } from './survey.ts';
import { benchLinks } from './links.ts';
import { benchOpenData } from './open-data.ts';
import { benchImport } from './import.ts';
import { benchPhotoPipeline, profileWithPhotos } from './photos.ts';

/**
 * `npm run bench [-- --sizes 10000,100000] [--full] [--lighthouse 100000]`: the build once
 * (it reads no listings), then for each directory size a seeded database (kept in .tmp):
 * pages rendered uncached in process, search in process, load over HTTP on `npm start`'s
 * own server, the first search on a phone in Chromium, and Lighthouse at one size.
 * `--full` adds 1,000,000 listings (seeding it once takes about 6½ minutes). Prints the
 * figures against the bars and writes bench/results/latest.json.
 */
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : (process.argv[i + 1] ?? '').split(',').map(Number).filter((n) => n > 0);
};
const sizes = [...(option('sizes') ?? [10_000, 100_000]), ...(process.argv.includes('--full') ? [1_000_000] : [])];
const lighthouseAt = option('lighthouse')?.[0] ?? (sizes.includes(100_000) ? 100_000 : sizes.at(-1));
const root = fileURLToPath(new URL('..', import.meta.url));
const workers = Number(process.env['WORKERS'] ?? Math.min(4, availableParallelism()));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ok = (pass: boolean) => (pass ? 'ok' : 'MELEBIHI');

say('Relevansi pencarian: himpunan kueri test/fixtures/relevance.ts atas data contoh tetap …');
const relevance = await benchRelevance();

say('Build produksi (Node dan Cloudflare) dengan ukuran memori …');
const builds = await measureBuilds();
await ensureBuild(join(root, 'dist'));

say('Pemeriksa tautan toko: 10.000 tautan pada 200 server loopback …');
const links = await benchLinks();
say('Impor kohort: 5.000 baris XLSX (uji coba lalu simpan) dan zip bomb, masing-masing di prosesnya sendiri …');
const cohortImport = await benchImport();
say('Foto: foto kamera 12 MP dan foto 1.600 px yang sudah dikecilkan ponsel, masing-masing di prosesnya sendiri …');
const photoPipeline = await benchPhotoPipeline();

const results = [];
for (const n of sizes) {
  const databaseUrl = await seededDatabase(n);
  say(`[${n}] halaman dalam proses, tanpa cache …`);
  const pages = await benchPages(databaseUrl);
  say(`[${n}] pencarian dalam proses …`);
  const search = await benchSearch(databaseUrl);
  say(`[${n}] survei harga dalam proses …`);
  const survey = await benchSurvey(databaseUrl);
  say(`[${n}] snapshot data terbuka (npm run data:export) …`);
  const openData = await benchOpenData(databaseUrl);
  say(`[${n}] beban HTTP pada server npm start (${workers} proses) …`);
  // One profile with 8 published photos, for Lighthouse (its files beside the database).
  const photoProfile = n === lighthouseAt ? await profileWithPhotos(databaseUrl, pages.slugs[1]!) : undefined;
  const portal = await startPortal({ databaseUrl, workers, env: { WRITES_PER_MINUTE: '20' } });
  let budgets: PageBudget[] = [];
  try {
    const http = await benchHttp(portal.url, pages.slugs);
    say(`[${n}] pencarian pertama di Chromium (dengan dan tanpa JavaScript) …`);
    const firstSearch = await firstSearchBytes(portal.url, 'keripik');
    const firstSearchNoJs = await firstSearchBytes(portal.url, 'keripik', { javaScript: false });
    if (n === lighthouseAt) {
      say(`[${n}] Lighthouse (seluler) per jenis halaman …`);
      budgets = await lighthouseBudgets(portal.url, {
        beranda: '/',
        profil: `/umkm/${pages.slugs[0]}/`,
        ...(photoProfile ? { 'profil 8 foto': photoProfile } : {}),
        kategori: '/kategori/kuliner/',
        'kategori berfilter': '/kategori/kuliner/?wilayah=32.73&nib=1&halal=1',
        wilayah: '/wilayah/32-73/',
        cari: '/cari/?q=keripik',
        daftar: '/daftar/',
        pengadaan: '/pengadaan/?category=kuliner',
        survei: '/pengadaan/survei/?q=keripik&category=kuliner&category=oleh-oleh',
        bandingkan: `/pengadaan/bandingkan/?slugs=${pages.slugs.slice(0, 3).join(',')}`,
        statistik: '/statistik/',
        'data terbuka': '/data/',
      });
    }
    results.push({ listings: n, pages: pages.p95, profileGzip: pages.profileGzip, search, survey, openData, http, firstSearch, firstSearchNoJs, budgets });
  } finally {
    await portal.stop();
  }
}

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
  `Relevansi pencarian (${relevance.queries} kueri atas ${relevance.listings} listing contoh, halaman /cari/)`,
  ['MRR', 'presisi@5', 'kueri yang menampilkan listing yang tidak boleh', 'kueri terlemah'],
  [[`${relevance.mrr.toFixed(3)} (${ok(relevance.mrr >= 0.9)})`, `${relevance.precisionAt5.toFixed(3)} (${ok(relevance.precisionAt5 >= 0.9)})`, `${relevance.showingUnwanted} (${ok(relevance.showingUnwanted === 0)})`, relevance.weakest.join(', ') || '–']],
  'Batas: MRR ≥ 0,9, presisi@5 ≥ 0,9, nol kueri dengan listing yang tidak berkaitan.',
);
table(
  'Build (tidak membaca listing: sama untuk setiap ukuran direktori)',
  ['adapter', 'waktu', 'memori puncak', 'berkas statis (dist/client)'],
  builds.map((b) => [b.adapter, `${(b.buildMs / 1000).toFixed(1)} s (${ok(b.buildMs <= 60_000)})`, `${b.peakMemoryMB} MB (${ok(b.peakMemoryMB <= 1536)})`, `${b.clientFiles}, ${b.clientMB} MB (${ok(b.clientFiles <= 2000)})`]),
  'Batas: ≤ 60 s, ≤ 1,5 GB, ≤ 2.000 berkas.',
);
/** The p95 bar of each page: /statistik draws its charts from the monthly counts (≤ 50 ms); the rest ≤ 15 ms. */
const pageBar = (label: string) => (label.startsWith('statistik') ? 50 : 15);
table(
  'Halaman dalam proses, tanpa cache (p95)',
  ['listing', ...Object.keys(results[0]?.pages ?? {}), 'profil gzip median / maks'],
  results.map((r) => [r.listings, ...Object.entries(r.pages).map(([label, p]) => `${ms(p)} (${ok(p <= pageBar(label))})`), `${kb(r.profileGzip.median)} / ${kb(r.profileGzip.max)} (${ok(r.profileGzip.max <= 14 * 1024)})`]),
  'Batas: p95 ≤ 15 ms (statistik ≤ 50 ms); profil ≤ 14 kB HTML gzip.',
);
table(
  'Snapshot data terbuka (npm run data:export, proses sendiri; CSV dibaca ulang dengan csv-parse)',
  ['listing', 'waktu', 'memori puncak', 'CSV gzip', 'JSON gzip', 'baris CSV / listing tayang'],
  results.map((r) => [r.listings, `${r.openData.seconds.toFixed(1)} s`, `${r.openData.peakMB} MB (${ok(r.openData.peakMB <= 300)})`, `${r.openData.csvMB} MB`, `${r.openData.jsonMB} MB`, `${r.openData.rows.toLocaleString('id-ID')} / ${r.openData.published.toLocaleString('id-ID')} (${ok(r.openData.rows === r.openData.published)})`]),
  'Batas: memori ≤ 300 MB; setiap listing tayang tepat satu baris.',
);
const imp = cohortImport.rows;
table(
  'Impor kohort (proses sendiri; memori: puncak VmHWM, dan proses itu sebelum bekerja)',
  ['berkas', 'uji coba', 'simpan (langkah 250 baris, terlama)', 'memori puncak (awal)', 'zip bomb 1 MB → 1 GiB', 'zip bomb dengan ukuran disembunyikan'],
  [[
    `${Number(imp.rows).toLocaleString('id-ID')} baris, ${imp.fileKB} kB`,
    `${(Number(imp.dryRunMs) / 1000).toFixed(1)} s (${ok(Number(imp.dryRunMs) <= 30_000)})`,
    `${(Number(imp.commitMs) / 1000).toFixed(1)} s, ${Math.round(Number(imp.slowestStepMs))} ms (${ok(Number(imp.commitMs) <= 30_000 && imp.created === 5000)})`,
    `${imp.peakMB} MB (${imp.baselineMB} MB)`,
    `ditolak dalam ${Math.round(Number(cohortImport.bomb.ms))} ms, ${cohortImport.bomb.peakMB} MB`,
    `ditolak dalam ${Math.round(Number(cohortImport.lyingBomb.ms))} ms, ${cohortImport.lyingBomb.peakMB} MB (${ok(Number(cohortImport.lyingBomb.peakMB) <= 300 + Number(cohortImport.lyingBomb.baselineMB))})`,
  ]],
  'Batas: uji coba dan simpan 5.000 baris masing-masing ≤ 30 s dengan kemajuan tampil; zip bomb ditolak tanpa memori membengkak.',
);
table(
  `Pemeriksa tautan toko (${links.links.toLocaleString('id-ID')} tautan, ${links.hosts} host loopback, 16 permintaan sekaligus)`,
  ['waktu', 'permintaan/detik (semua host)', 'terbanyak per host dalam 1 detik', 'jeda terpendek per host', 'ok'],
  [[`${links.seconds.toFixed(1)} s`, links.perSecond.toFixed(0), `${links.worstWindow} (${ok(links.worstWindow <= 1)})`, `${links.minGapMs} ms`, `${links.ok.toLocaleString('id-ID')} / ${links.visited.toLocaleString('id-ID')}`]],
  'Batas: tidak pernah lebih dari 1 permintaan per detik ke satu host.',
);
table(
  `HTTP pada server npm start (${workers} proses, autocannon 10 koneksi, 10 s, gzip)`,
  ['listing', 'profil tanpa cache', 'profil dengan cache', 'pencarian campuran', 'berkas statis', 'rasio profil/statis'],
  results.map(({ listings, http: h }) => [
    listings,
    `${h.uncached.rps.toFixed(0)} req/s, p99 ${h.uncached.p99} ms (${ok(h.uncached.rps >= 500 && h.uncached.p99 <= 50 && h.uncached.errors === 0)})`,
    `${h.cached.rps.toFixed(0)} req/s, p99 ${h.cached.p99} ms (${ok(h.cached.rps >= 2000 && h.cached.errors === 0)})`,
    `${h.searched.rps.toFixed(0)} req/s, p99 ${h.searched.p99} ms (${ok(h.searched.rps >= 300 && h.searched.p99 <= 50 && h.searched.errors === 0)})`,
    `${h.staticFile.rps.toFixed(0)} req/s`,
    `${(h.uncached.rps / h.staticFile.rps).toFixed(2)} / ${(h.cached.rps / h.staticFile.rps).toFixed(2)}`,
  ]),
  'Batas: profil ≥ 500 req/s dengan p99 ≤ 50 ms tanpa cache, ≥ 2.000 req/s dengan cache; pencarian ≥ 300 req/s dengan p99 ≤ 50 ms; tanpa galat.',
);
table(
  'Pencarian pertama di ponsel (Chromium 360×800, beranda → hasil, byte di kabel termasuk header)',
  ['listing', 'dengan JavaScript', 'tanpa JavaScript', 'hasil tampil'],
  results.map((r) => [
    r.listings,
    `${kb(r.firstSearch.total)} (${ok(r.firstSearch.total <= 60 * 1024)}; ${Object.entries(r.firstSearch.byType).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`,
    `${kb(r.firstSearchNoJs.total)} (${ok(r.firstSearchNoJs.total <= 60 * 1024 && r.firstSearchNoJs.results > 0)})`,
    `${r.firstSearch.results} / ${r.firstSearchNoJs.results}`,
  ]),
  'Batas: ≤ 60 kB, dan berjalan tanpa JavaScript.',
);
table(
  'Pencarian dalam proses (searchSuppliers dan halaman /cari/: kata kunci + 2 filter; jelajah dengan keyset)',
  ['listing', 'pemasok p50 / p95', 'halaman cari + jumlah per filter p50 / p95', 'jelajah: halaman 1 / dalam (p95)'],
  results.map((r) => [
    r.listings,
    `${ms(r.search.search.p50)} / ${ms(r.search.search.p95)} (${ok(r.search.search.p95 <= 15)})`,
    `${ms(r.search.faceted.p50)} / ${ms(r.search.faceted.p95)} (${ok(r.search.faceted.p95 <= 25)})`,
    r.search.browse.rows.map((b) => `${b.label}: ${ms(b.first)} / ${b.depth.toLocaleString('id-ID')} → ${ms(b.deep)}`).join('; '),
  ]),
  'Batas: pemasok p95 ≤ 15 ms; kata kunci + 2 filter dengan jumlah per pilihan p95 ≤ 25 ms.',
);
table(
  'Survei harga dalam proses (kata produk + 2 filter: pemasok, produk yang cocok, sebaran per satuan) dan XLSX 200 baris',
  ['listing', 'survei p50 / p95', 'XLSX 200 baris (median)'],
  results.map((r) => [r.listings, `${ms(r.survey.p50)} / ${ms(r.survey.p95)} (${ok(r.survey.p95 <= 50)})`, `${ms(r.survey.xlsx200Ms)}, ${kb(r.survey.xlsx200Bytes)} (${ok(r.survey.xlsx200Ms <= 200)})`]),
  'Batas: survei p95 ≤ 50 ms; XLSX 200 baris ≤ 200 ms.',
);
table(
  `Lighthouse seluler per jenis halaman (${lighthouseAt} listing; byte terkirim, gzip)`,
  ['halaman', 'HTML', 'CSS', 'JS', 'total', 'performa', 'aksesibilitas', 'praktik terbaik', 'SEO', 'LCP', 'CLS', 'batas'],
  results
    .flatMap((r) => r.budgets)
    .map((b) => {
      const pass = b.performance === 100 && b.accessibility === 100 && b.bestPractices === 100 && b.seo === 100 && (b.page !== 'profil' || b.htmlBytes <= 14 * 1024) && (b.page !== 'profil 8 foto' || (b.lcpMs <= 1500 && b.cls === 0));
      return [b.page, kb(b.htmlBytes), kb(b.cssBytes), kb(b.jsBytes), kb(b.totalBytes), b.performance, b.accessibility, b.bestPractices, b.seo, `${b.lcpMs} ms`, b.cls, ok(pass)];
    }),
  'Batas: 100/100/100/100 untuk setiap jenis halaman publik; profil ≤ 14 kB HTML gzip; profil dengan 8 foto LCP ≤ 1,5 s dan CLS 0.',
);
const photoRow = (label: string, p: typeof photoPipeline.camera) => {
  const largest = p.stored.find((f) => f.suffix.endsWith('.webp') && f.suffix !== 'thumb.webp' && !p.stored.some((g) => g.suffix.endsWith('.webp') && g.suffix !== 'thumb.webp' && parseInt(g.suffix) > parseInt(f.suffix)));
  const thumb = p.stored.find((f) => f.suffix === 'thumb.webp');
  return [label, `${p.medianMs} / ${p.maxMs} ms`, `${p.peakMB} MB`, p.size, `${kb(largest?.bytes ?? 0)} (${ok((largest?.bytes ?? Infinity) <= 250 * 1024)})`, `${kb(thumb?.bytes ?? 0)} (${ok((thumb?.bytes ?? Infinity) <= 10 * 1024)})`, p.stored.map((f) => `${f.suffix} ${kb(f.bytes)}`).join(', ')];
};
table(
  'Foto: dibaca ulang dan disimpan sebagai WebP (proses sendiri, kodek WebAssembly yang sama dengan Worker)',
  ['foto yang dikirim', 'waktu median / terlama (5x)', 'memori puncak', 'disimpan', 'WebP terbesar', 'thumbnail', 'semua berkas'],
  [photoRow('kamera 12 MP (tanpa JavaScript)', photoPipeline.camera), photoRow('1.600 px (dikecilkan ponsel)', photoPipeline.shrunk)],
  'Batas: sisi terpanjang ≤ 1.600 px dan ≤ 250 kB; thumbnail ≤ 10 kB.',
);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), relevance, builds, links, cohortImport, photoPipeline, results }, null, 2)}\n`);
