import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { createDb, type Db } from './client.ts';
import { createLocalFileClient, filePath, type ReadPattern } from './local-client.ts';
import { rebuildSearchIndex, searchIndexInStep } from './queries/search-index.ts';

export const DEFAULT_DATABASE_URL = 'file:db/etalase.db';
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * A libSQL client on Node: a local file (WAL; every pooled connection with the same busy
 * timeout, foreign keys and cache settings; writes in turn, see local-client.ts) or a remote
 * libsql:/http: server. An in-memory database is one connection and needs none of that.
 */
export async function openClient(url: string, authToken?: string, pattern: ReadPattern = 'serve'): Promise<Client> {
  const isFile = url.startsWith('file:') && !url.includes(':memory:');
  if (isFile) {
    const path = filePath(url);
    if (path !== '') mkdirSync(dirname(path), { recursive: true });
    const client = createLocalFileClient(url, pattern);
    await client.execute('PRAGMA journal_mode = WAL');
    return client;
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  await client.execute('PRAGMA foreign_keys = ON');
  return client;
}

export interface MigrateOptions {
  /** Told when the search index is being rebuilt (a migration changed how listings are indexed), as it goes. */
  onIndexProgress?: (p: { done: number; total: number }) => void;
  /** How the local file will be read: serving pages (default), or one long scan (an export). */
  pattern?: ReadPattern;
}

/** Applies the checked-in drizzle-kit migrations, then rebuilds the search index if a migration emptied it. */
export async function migrateDb(db: Db, options: MigrateOptions = {}): Promise<void> {
  await migrate(db, { migrationsFolder });
  if (!(await searchIndexInStep(db))) await rebuildSearchIndex(db, options.onIndexProgress);
}

/** Opens, migrates and returns a database ready to use (Node only). */
export async function openDb(url: string, authToken?: string, options: MigrateOptions = {}): Promise<{ db: Db; client: Client }> {
  const client = await openClient(url, authToken, options.pattern);
  const db = createDb(client);
  await migrateDb(db, options);
  return { db, client };
}

/**
 * Closes a database cleanly: for a local file, first moves the WAL's pages into the file
 * and empties it (TRUNCATE), so a stopped portal leaves one self-contained database file.
 * Another process still writing keeps its WAL; that is fine, the last one out empties it.
 */
export async function closeDb(client: Client): Promise<void> {
  if (client.protocol === 'file' && !client.closed) {
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  }
  client.close();
}
