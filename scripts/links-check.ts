import { openDb } from '../db/local.ts';
import { checkLinks } from '../functions/services/link-checker.ts';
import { argValue, fail, loadConfig, progress, say } from './cli.ts';

/**
 * `npm run links:check -- [--limit N] [--minutes M]`: visits the store links that are due
 * (new and changed ones first, then each every 60 to 80 days), one request per second per
 * host, and says what it found. Run it from cron or a systemd timer; on Cloudflare a Cron
 * Trigger runs the same checker every 30 minutes.
 */
const config = loadConfig();
const limit = Number(argValue('limit') ?? 5000);
const minutes = Number(argValue('minutes') ?? 50);
if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) fail(`--limit ${argValue('limit')} tidak dapat dipakai.`, 'beri bilangan bulat 1–1000000, misalnya --limit 5000.');
if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) fail(`--minutes ${argValue('minutes')} tidak dapat dipakai.`, 'beri lama dalam menit, 1–1440, misalnya --minutes 50.');
say(`Basis data: ${config.DATABASE_URL}`);
const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN).catch((error: Error) =>
  fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL di .env, atau jalankan npm start sekali untuk membuatnya.'),
);
try {
  say(`Memeriksa paling banyak ${limit.toLocaleString('id-ID')} tautan toko yang jatuh tempo, selama paling lama ${minutes} menit (1 permintaan/detik per host) …`);
  const run = await checkLinks({ db, site: config.SITE_URL, limit, budgetMs: minutes * 60_000, onProgress: progress('tautan') });
  const found = Object.entries(run.found).map(([state, n]) => `${state} ${n}`).join(', ') || 'tidak ada';
  say(`Selesai dalam ${run.seconds} dtk: ${run.visited} tautan diperiksa (${found}).`);
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((a / b) * 100)}%`);
  say(`Semua tautan UMKM tayang: ${run.totalLinks}; diperiksa dalam 90 hari ${pct(run.checkedLinks, run.totalLinks)}; aktif ${pct(run.aliveLinks, run.checkedLinks)} dari yang diperiksa.`);
  if ((run.found.moved ?? 0) + (run.found.gone ?? 0) > 0) say('Tautan yang pindah atau hilang menunggu petugas di /admin/tautan.');
} catch (error) {
  fail(`Pemeriksaan tautan gagal: ${(error as Error).message}`, 'periksa sambungan basis data, lalu jalankan lagi; tautan yang belum diperiksa tetap jatuh tempo.');
} finally {
  client.close();
}
