import { dirname, join } from 'node:path';
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
