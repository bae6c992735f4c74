import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createNodeServer } from '../functions/node.ts';
import { closeDb, openClient, openDb } from '../db/local.ts';
import { countListings, seedSample } from '../db/seed/insert.ts';
import { countStaff } from '../db/queries/staff.ts';
import { argValue, fail, hasFlag, progress, say, loadConfig } from './cli.ts';
import { buildSite } from './build.ts';
import { localRebuilder } from './rebuilder.ts';
import { servePortal } from './serve.ts';
import { removeServerNote, writeServerNote } from './server-lock.ts';
import { filePath } from '../db/local-client.ts';

/**
 * `npm start`: migrate the local libSQL file, fill an empty one with sample data, build
 * the site and its search index, then serve site and API (one process per core, WORKERS).
 * Forked server processes run this file too and only serve.
 */
const config = loadConfig();
const workers = config.WORKERS ?? Math.min(4, availableParallelism());
const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const openDatabase = () =>
  openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN).catch((error: Error) =>
    fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL di .env, atau hapus db/etalase.db untuk mulai dari awal.'),
  );

// The local database file, if any: `npm run db:restore` reads the note beside it to see that a server uses it.
const localPath = config.DATABASE_URL.startsWith('file:') ? filePath(config.DATABASE_URL) : undefined;

let rebuilder: ReturnType<typeof localRebuilder> | undefined;
if (cluster.isPrimary) {
  say(`Basis data: ${config.DATABASE_URL}`);
  const { db, client } = await openDatabase();
  if ((await countListings(db)) === 0) {
    const count = Number(argValue('sample') ?? 300);
    say(`Basis data kosong: mengisi ${count} UMKM contoh …`);
    await seedSample(db, { total: count, onProgress: progress('data contoh') });
  }
  if (!hasFlag('no-build')) {
    say('Membangun situs statis dan indeks pencarian (bisa 1–2 menit) …');
    const ms = await buildSite().catch((error: Error) => fail(`Build gagal: ${error.message}`, 'baca pesan di atas; perbaiki lalu jalankan npm start lagi.'));
    say(`Build selesai dalam ${(ms / 1000).toFixed(1)} dtk.`);
    // Approvals rebuild the site in the background (off with --no-build, which serves dist as it is).
    rebuilder = localRebuilder({ root, clientDir, databaseUrl: config.DATABASE_URL });
  }
  if ((await countStaff(db)) === 0) say('Belum ada akun petugas. Buat dengan: npm run admin:create -- --username nama --name "Nama Lengkap" --role reviewer');
  if (workers > 1) say(`Menjalankan ${workers} proses server (WORKERS) …`);
  client.close();
}

await servePortal({
  workers,
  port: config.PORT,
  hostname: config.HOST,
  makeHandler: async (publish) => {
    const { db, client } = await openDatabase();
    return { fetch: createNodeServer({ db, config, clientDir, publishSite: publish }).fetch, close: () => closeDb(client) };
  },
  ...(rebuilder ? { onPublish: () => rebuilder?.request() } : {}),
  onStopping: say,
  // The last one out empties the WAL, so a stopped portal leaves one self-contained file.
  onStopped: async () => {
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
