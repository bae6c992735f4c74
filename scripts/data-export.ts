import { openDb } from '../db/local.ts';
import { exportOpenData } from '../functions/services/open-data.ts';
import { filesDirFor, folderFileStore } from '../src/runtime/files-folder.ts';
import { fail, loadConfig, progress, say } from './cli.ts';
import { peakMemory } from './peak-memory.ts';

/**
 * `npm run data:export`: today's open-data snapshot (gzip CSV and JSON of every published
 * listing's public fields) into the files folder (db/files/data-terbuka/), as `npm start`
 * does once a day. Says how long it took and the most memory it used.
 */
const config = loadConfig();
const dir = filesDirFor(config);
say(`Basis data: ${config.DATABASE_URL}`);
say(`Folder berkas: ${dir}`);
const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, { pattern: 'scan' }).catch((error: Error) =>
  fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL di .env, atau jalankan npm start sekali untuk membuatnya.'),
);
const peak = peakMemory();
peak.reset();
const bar = progress('usaha');
try {
  say('Membuat snapshot data terbuka …');
  const manifest = await exportOpenData({ db, files: folderFileStore(dir), site: config.SITE_URL, now: new Date(), onProgress: bar });
  const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  say(`Selesai: ${manifest.rows.toLocaleString('id-ID')} usaha dalam ${manifest.seconds} dtk; CSV ${mb(manifest.files.csv.size)}, JSON ${mb(manifest.files.json.size)} (gzip); memori puncak ${peak.mb()} MB.`);
  say(`Berkas: ${dir}/${manifest.files.csv.key} dan ${manifest.files.json.key}`);
} catch (error) {
  fail(`Snapshot gagal: ${(error as Error).message}`, 'periksa bahwa folder berkas dapat ditulis (FILES_DIR) dan ruang disk cukup, lalu jalankan lagi.');
} finally {
  client.close();
}
