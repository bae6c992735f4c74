import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkDatabaseFile, copyDatabase, isSound } from '../db/backup.ts';
import { closeDb, openClient, openDb } from '../db/local.ts';
import { countListings } from '../db/seed/insert.ts';
import { fail, loadConfig, say } from './cli.ts';
import { backupDir, backupName, localDatabasePath, mirrorFolder } from './backup-files.ts';
import { filesDirFor } from '../src/runtime/files-folder.ts';
import { runningServer } from './server-lock.ts';

/**
 * `npm run db:restore -- FILE`: puts a backup back as the local database. It checks the
 * backup first, refuses while a server uses the database, keeps a copy of the database it
 * replaces, removes the old WAL and shared-memory files (a stale WAL over another file is
 * what makes "malformed database schema"), then migrates the restored file forward.
 */
const usage = 'npm run db:restore -- db/backups/etalase-20261202-114758.db';
const config = loadConfig();
const given = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!given) fail('Sebutkan berkas cadangan yang akan dipulihkan.', usage);
const backup = resolve(given);
const target = resolve(localDatabasePath(config.DATABASE_URL));
if (backup === target) fail('Berkas cadangan sama dengan basis data yang dipakai.', usage);

say(`Memeriksa cadangan ${backup} …`);
const check = await checkDatabaseFile(backup).catch((error: Error) => fail(`Cadangan tidak dapat dibaca: ${error.message}.`, usage));
if (!check.isEtalase) fail(`${backup} bukan basis data Etalase Jabar.`, 'pilih berkas yang dibuat oleh npm run db:backup.');
if (!isSound(check)) fail(`Cadangan tidak utuh (SQLite: ${check.sqlite}; indeks: ${check.fts}). Basis data yang ada tidak diubah.`, 'pilih cadangan lain di db/backups/.');
say(`Cadangan utuh: ${check.listings} listing.`);

const server = runningServer(target);
if (server) {
  fail(
    `Server Etalase Jabar (proses ${server.pid}, port ${server.port}) sedang memakai ${target}. Basis data tidak diubah.`,
    `hentikan server itu dulu (Ctrl+C di terminalnya, atau kill -TERM ${server.pid}), lalu jalankan lagi perintah ini.`,
  );
}

if (existsSync(target)) {
  mkdirSync(backupDir(target), { recursive: true });
  const kept = join(backupDir(target), backupName('sebelum-pemulihan', new Date()));
  say(`Menyimpan basis data yang akan diganti ke ${kept} …`);
  try {
    const client = await openClient(config.DATABASE_URL);
    try {
      await copyDatabase(client, kept);
    } finally {
      client.close();
    }
  } catch (error) {
    // A database too broken to copy through SQLite is kept byte for byte, with its WAL.
    say(`Salinan lewat SQLite gagal (${(error as Error).message}); menyimpan berkasnya apa adanya.`);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) copyFileSync(target + suffix, kept + suffix);
  }
}

const incoming = `${target}.memulihkan`;
copyFileSync(backup, incoming);
for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
renameSync(incoming, target);

say('Memeriksa basis data yang dipulihkan dan menerapkan migrasi yang lebih baru …');
const { db, client } = await openDb(config.DATABASE_URL).catch((error: Error) => fail(`Basis data hasil pemulihan tidak dapat dibuka: ${error.message}`, 'salinan basis data lama ada di db/backups/ (sebelum-pemulihan-…).'));
const listings = await countListings(db);
await closeDb(client);
const after = await checkDatabaseFile(target);
if (!isSound(after)) fail(`Hasil pemulihan tidak utuh (SQLite: ${after.sqlite}; indeks: ${after.fts}).`, 'salinan basis data lama ada di db/backups/ (sebelum-pemulihan-…); pulihkan yang itu atau cadangan lain.');
// The photos the backup folder mirrors (npm run db:backup) come back beside the database; none are removed.
const mirror = join(dirname(backup), 'foto');
if (existsSync(mirror)) {
  const done = mirrorFolder(mirror, join(filesDirFor(config), 'foto'), undefined, { remove: false });
  say(`Foto: ${done.copied} berkas dikembalikan dari ${mirror}.`);
}
say(`Pemulihan selesai: ${target} berisi ${listings} listing dan lolos kedua pemeriksaan. Jalankan npm start.`);
