import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkDatabaseFile, copyDatabase, isSound } from '../db/backup.ts';
import { openClient } from '../db/local.ts';
import { argValue, fail, loadConfig, say } from './cli.ts';
import { backupDir, backupName, localDatabasePath, mirrorFolder } from './backup-files.ts';
import { filesDirFor } from '../src/runtime/files-folder.ts';

/**
 * `npm run db:backup [-- --out FILE] [--keep N]`: an online, consistent copy of the local
 * database while the portal keeps serving, checked before it is kept. Without --out it
 * goes to db/backups/ with the time in its name, and only the newest N (default 14) stay.
 */
const usage = 'npm run db:backup -- [--out berkas.db] [--keep 14]';
const config = loadConfig();
const keep = Number(argValue('keep') ?? 14);
if (!Number.isInteger(keep) || keep < 1 || keep > 1000) fail('--keep harus bilangan bulat 1 sampai 1000.', usage);
const source = localDatabasePath(config.DATABASE_URL);
if (!existsSync(source)) fail(`Basis data ${source} belum ada: tidak ada yang dicadangkan.`, 'jalankan npm start atau npm run db:migrate dulu, atau periksa DATABASE_URL.');
const given = argValue('out');
const folder = backupDir(source);
const out = resolve(given ?? join(folder, backupName('etalase', new Date())));
if (existsSync(out)) fail(`Berkas ${out} sudah ada; cadangan tidak menimpa berkas.`, 'pilih nama lain dengan --out, atau hapus berkas itu dulu.');
mkdirSync(dirname(out), { recursive: true });

const partial = `${out}.sebagian`;
rmSync(partial, { force: true });
const started = Date.now();
say(`Mencadangkan ${source} ke ${out} (server boleh tetap berjalan) …`);
const client = await openClient(config.DATABASE_URL);
try {
  await copyDatabase(client, partial);
} catch (error) {
  rmSync(partial, { force: true });
  fail(`Pencadangan gagal: ${(error as Error).message}`, 'periksa ruang disk dan izin folder tujuan, lalu jalankan lagi.');
} finally {
  client.close();
}
say('Memeriksa salinan (integrity_check dan indeks pencarian) …');
const check = await checkDatabaseFile(partial);
if (!isSound(check)) {
  rmSync(partial, { force: true });
  fail(`Salinan tidak utuh (SQLite: ${check.sqlite}; indeks: ${check.fts}); tidak disimpan.`, 'jalankan lagi; bila terus gagal, basis data sumber mungkin rusak: periksa dengan sqlite3 db/etalase.db "PRAGMA integrity_check".');
}
renameSync(partial, out);
const megabytes = (statSync(out).size / 1024 / 1024).toFixed(1);
say(`Cadangan selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk: ${out} (${megabytes} MB, ${check.listings} listing, utuh).`);

// Photos are files beside the database (db/files/foto/): mirrored beside the backup (db/backups/foto/),
// new ones copied, removed ones removed, so a copy of db/backups/ holds both.
const photos = join(filesDirFor(config), 'foto');
if (existsSync(photos)) {
  const mirror = join(dirname(out), 'foto');
  say(`Mencerminkan foto ${photos} ke ${mirror} …`);
  const done = mirrorFolder(photos, mirror, (n, total) => total > 2000 && say(`  foto ${n} dari ${total}`));
  say(`Foto: ${done.files} berkas, ${done.copied} baru disalin, ${done.removed} yang sudah dihapus ikut dihapus.`);
}

if (!given) {
  const old = readdirSync(folder)
    .filter((name) => /^etalase-\d{8}-\d{6}\.db$/.test(name))
    .sort()
    .slice(0, -keep);
  for (const name of old) rmSync(join(folder, name));
  if (old.length > 0) say(`Menghapus ${old.length} cadangan lama; ${keep} terbaru disimpan di ${basename(folder)}/.`);
}
