import { dirname, join } from 'node:path';

/** Where backups of a database file go: a `backups` folder beside it (db/backups/ by default, ignored by git). */
export const backupDir = (databasePath: string) => join(dirname(databasePath), 'backups');

/** "etalase-20261202-114758.db": the time in WIB, so names sort by time and read as the office's clock. */
export function backupName(prefix: string, at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${prefix}-${wib.slice(0, 10).replace(/-/g, '')}-${wib.slice(11, 19).replace(/:/g, '')}.db`;
}
