import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { filePath } from '../db/local-client.ts';
import { fail } from './cli.ts';

/** Where backups of a database file go: a `backups` folder beside it (db/backups/ by default, ignored by git). */
export const backupDir = (databasePath: string) => join(dirname(databasePath), 'backups');

/** "etalase-20261202-114758.db": the time in WIB, so names sort by time and read as the office's clock. */
export function backupName(prefix: string, at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${prefix}-${wib.slice(0, 10).replace(/-/g, '')}-${wib.slice(11, 19).replace(/:/g, '')}.db`;
}

/**
 * The path of the local database file that backup and restore work on; a Turso URL stops
 * the command with how Turso's own point-in-time restore does it instead.
 */
export function localDatabasePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) {
    fail(
      'DATABASE_URL menunjuk ke server libSQL (Turso), bukan berkas lokal.',
      'Turso mencadangkan sendiri setiap COMMIT; pulihkan ke titik waktu dengan: turso db create etalase-pulih --from-db etalase-jabar --timestamp 2026-12-01T10:00:00Z (lihat README, bagian Backups).',
    );
  }
  return filePath(databaseUrl);
}

/**
 * Makes `to` hold exactly the files of `from` (photos: their names never change content, so a
 * file of the same name and size is already there). Files removed from `from` (a removed
 * photo, an erased listing) go from `to` too, unless `remove` is false. Returns how many were copied and removed.
 */
export function mirrorFolder(from: string, to: string, onProgress?: (done: number, total: number) => void, options: { remove?: boolean } = {}): { copied: number; removed: number; files: number } {
  const list = (root: string) =>
    existsSync(root)
      ? readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((f) => f.isFile())
          .map((f) => relative(root, join(f.parentPath, f.name)))
      : [];
  const wanted = list(from);
  const keep = new Set(wanted);
  let copied = 0;
  let removed = 0;
  wanted.forEach((name, i) => {
    const source = join(from, name);
    const target = join(to, name);
    if (!existsSync(target) || statSync(target).size !== statSync(source).size) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, `${target}.sebagian`);
      renameSync(`${target}.sebagian`, target);
      copied++;
    }
    if (onProgress && (i % 500 === 0 || i === wanted.length - 1)) onProgress(i + 1, wanted.length);
  });
  for (const name of options.remove === false ? [] : list(to)) {
    if (!keep.has(name)) {
      rmSync(join(to, name));
      removed++;
    }
  }
  return { copied, removed, files: wanted.length };
}
