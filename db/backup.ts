import { createClient, type Client } from '@libsql/client';
import { existsSync } from 'node:fs';

/** What a database file holds and whether it is whole, as backup and restore report it. */
export interface FileCheck {
  /** SQLite's `PRAGMA integrity_check`: "ok", or the first problem. */
  sqlite: string;
  /** FTS5's own check of the search index against its rows: "ok", or the error. */
  fts: string;
  /** Whether it is an Etalase Jabar database at all (our tables and migration journal). */
  isEtalase: boolean;
  listings: number;
  migrations: number;
}

/** Checks a database file without changing it: both integrity checks, and what it holds. */
export async function checkDatabaseFile(path: string): Promise<FileCheck> {
  if (!existsSync(path)) throw new Error(`berkas ${path} tidak ada`);
  const client = createClient({ url: `file:${path}` });
  try {
    const sqlite = String((await client.execute('PRAGMA integrity_check')).rows[0]?.[0] ?? 'tidak terbaca');
    const tables = new Set((await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map((r) => String(r[0])));
    const isEtalase = tables.has('msmes') && tables.has('__drizzle_migrations') && tables.has('msme_fts');
    if (!isEtalase) return { sqlite, fts: 'tidak ada indeks', isEtalase, listings: 0, migrations: 0 };
    let fts = 'ok';
    try {
      // Reads the whole index and compares it with the rows; it writes nothing.
      await client.execute(`INSERT INTO msme_fts(msme_fts) VALUES ('integrity-check')`);
    } catch (error) {
      fts = (error as Error).message;
    }
    const listings = Number((await client.execute('SELECT count(*) FROM msmes')).rows[0]?.[0] ?? 0);
    const migrations = Number((await client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]?.[0] ?? 0);
    return { sqlite, fts, isEtalase, listings, migrations };
  } finally {
    client.close();
  }
}

/** True when a check found the file whole: an Etalase database with both integrity checks "ok". */
export const isSound = (check: FileCheck) => check.isEtalase && check.sqlite === 'ok' && check.fts === 'ok';

/**
 * An online, consistent copy of a live database into `outPath` (which must not exist):
 * VACUUM INTO reads one snapshot, so writers in other processes go on meanwhile, and
 * whatever they commit after it started is simply not in this copy.
 */
export async function copyDatabase(client: Client, outPath: string): Promise<void> {
  await client.execute({ sql: 'VACUUM INTO ?', args: [outPath] });
}
