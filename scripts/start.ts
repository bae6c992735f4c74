import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPortalServer } from './portal-server.ts';
import { createPortalRuntime } from '../src/runtime/portal.ts';
import { filesDirFor, folderFileStore } from '../src/runtime/files-folder.ts';
import { threadPhotoProcessor } from '../src/runtime/photo-thread.ts';
import { invalidateProcessCache } from '../src/runtime/process-cache.ts';
import { closeDb, openClient, openDb } from '../db/local.ts';
import { countListings, seedSample } from '../db/seed/insert.ts';
import { countStaff } from '../db/queries/staff.ts';
import { argValue, fail, hasFlag, progress, say, loadConfig } from './cli.ts';
import { ensureBuild } from './build.ts';
import { servePortal } from './serve.ts';
import { startDailyOpenData } from './open-data-daily.ts';
import { removeServerNote, writeServerNote } from './server-lock.ts';
import { filePath } from '../db/local-client.ts';

/**
 * `npm start`: migrate the local libSQL file, fill an empty one with sample data, build
 * the site unless the last build is still current, then serve it (one process per core,
 * WORKERS). Forked server processes run this file too and only serve.
 */
const config = loadConfig();
const workers = config.WORKERS ?? Math.min(4, availableParallelism());
const outDir = fileURLToPath(new URL('../dist', import.meta.url));
const openDatabase = () =>
  openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, cluster.isPrimary ? { onIndexProgress: progress('indeks pencarian dibangun ulang') } : {}).catch((error: Error) =>
    fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL di .env, atau hapus db/etalase.db untuk mulai dari awal.'),
  );

// The local database file, if any: `npm run db:restore` reads the note beside it to see that a server uses it.
const localPath = config.DATABASE_URL.startsWith('file:') ? filePath(config.DATABASE_URL) : undefined;

if (cluster.isPrimary) {
  say(`Basis data: ${config.DATABASE_URL}`);
  const { db, client } = await openDatabase();
  if ((await countListings(db)) === 0) {
    const count = Number(argValue('sample') ?? 300);
    say(`Basis data kosong: mengisi ${count} UMKM contoh …`);
    await seedSample(db, { total: count, onProgress: progress('data contoh') });
  }
  if (hasFlag('no-build')) say('Memakai build yang ada di dist/ (--no-build).');
  else {
    say('Memeriksa build situs di dist/ (dibangun ulang hanya bila kode berubah) …');
    const ms = await ensureBuild(outDir, { quiet: false }).catch((error: Error) => fail(`Build gagal: ${error.message}`, 'baca pesan di atas; perbaiki lalu jalankan npm start lagi.'));
    say(ms === null ? 'Build di dist/ masih sesuai kode: dipakai ulang.' : `Build selesai dalam ${(ms / 1000).toFixed(1)} dtk.`);
  }
  if ((await countStaff(db)) === 0) say('Belum ada akun petugas. Buat dengan: npm run admin:create -- --username nama --name "Nama Lengkap" --role reviewer');
  if (workers > 1) say(`Menjalankan ${workers} proses server (WORKERS) …`);
  client.close();
}

// The daily open-data snapshot, made by the main process alone.
const stopOpenData = cluster.isPrimary ? startDailyOpenData(config, say) : async () => {};

await servePortal({
  workers,
  port: config.PORT,
  hostname: config.HOST,
  makeHandler: async (tellOthers) => {
    const { db, client } = await openDatabase();
    // A change drops the cached pages that show it, in this process and (through the primary) in every other.
    const pagesChanged = async (tags: string[]) => {
      await invalidateProcessCache(tags);
      tellOthers({ pagesChanged: tags });
    };
    const runtime = createPortalRuntime({ db, config, pagesChanged, files: folderFileStore(filesDirFor(config)), photos: threadPhotoProcessor() }, { compress: true });
    const listener = await createPortalServer({ outDir, runtime, turnstile: Boolean(config.TURNSTILE_SITE_KEY) }).catch((error: Error) =>
      fail(`Build di dist/ tidak dapat dimuat: ${error.message}`, 'jalankan npm start tanpa --no-build, atau npm run build.'),
    );
    return { listener, close: () => closeDb(client), onPeerMessage: (message) => void invalidateProcessCache(message.pagesChanged) };
  },
  onStopping: say,
  // The last one out empties the WAL, so a stopped portal leaves one self-contained file.
  onStopped: async () => {
    await stopOpenData();
    if (!localPath) return;
    await closeDb(await openClient(config.DATABASE_URL));
    removeServerNote(localPath);
  },
  onListening: (info) => {
    if (localPath) writeServerNote(localPath, { pid: process.pid, port: info.port, startedAt: new Date().toISOString() });
    say(`Etalase Jabar siap di http://${info.address === '::1' ? 'localhost' : info.address}:${info.port}  (Ctrl+C untuk berhenti)`);
  },
  onError: (error) =>
    fail(
      error.code === 'EADDRINUSE' ? `Port ${config.PORT} sudah dipakai program lain.` : `Server gagal: ${error.message}`,
      'hentikan program itu, atau jalankan dengan PORT=4322 npm start.',
    ),
});
