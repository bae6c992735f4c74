import type { Client, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';
import { ConnectionPool, LibsqlError, Sqlite3Client } from '@libsql/client/sqlite3';

/**
 * The embedded libSQL file under `npm start`, where several server processes and a pool
 * of connections in each share one database.
 *
 * `@libsql/client` opens a further connection whenever queries overlap (every Promise.all
 * of reads), and a PRAGMA sent through `client.execute` reaches only the connection that
 * ran it. So every connection gets the settings below when the pool first hands it out.
 *
 * The driver is synchronous: a connection that waits for a lock blocks its whole process.
 * A write waiting (busy timeout) for another write *in the same process* would block the
 * very transaction it waits for, so writes inside one process take turns in JavaScript
 * (the write gate) and only ever wait in SQLite for another process. Write transactions
 * begin IMMEDIATE, taking the write lock before their first read, so no snapshot has to be
 * upgraded later (SQLITE_BUSY_SNAPSHOT).
 */

type Connection = Parameters<ConnectionPool['release']>[0];
type Statement = ReturnType<Connection['prepare']>;

/** How long a write waits inside SQLite for a lock another process holds, before 503. */
const LOCK_WAIT_MS = 5000;
/**
 * How long a write waits for its turn behind this process's own writes, before 503. Longer
 * than the lock wait: a burst queues here (1,000 registrations at once took 3 s in the drill)
 * and each turn is short, while a lock held elsewhere for 5 s means something is wrong.
 */
const TURN_WAIT_MS = 10_000;

/** Serving (many small reads, again and again) or one long scan of every listing (an export). */
export type ReadPattern = 'serve' | 'scan';

const connectionPragmas = (pattern: ReadPattern) => [
  `PRAGMA busy_timeout = ${LOCK_WAIT_MS}`,
  'PRAGMA foreign_keys = ON',
  // Serving: reads map the file instead of copying pages through read() calls, and more of
  // the search index stays decoded in memory: about 15% off a supplier search at 100k
  // listings. A scan reads each page once: mapped, a million listings' 3 GB file would be
  // counted in the process's memory; read, it stays in the kernel's page cache.
  ...(pattern === 'serve' ? ['PRAGMA mmap_size = 268435456', 'PRAGMA cache_size = -65536'] : ['PRAGMA mmap_size = 0', 'PRAGMA cache_size = -8192']),
];

/** A pool whose connections all carry the same settings, and which never reuses one a statement failed on. */
class SettledPool extends ConnectionPool {
  readonly #settled = new WeakSet<Connection>();
  readonly #failed = new WeakSet<Connection>();
  /** Set right after construction (the base class's constructor takes the driver's own arguments). */
  pragmas: string[] = connectionPragmas('serve');

  override acquireSync(forTransaction?: boolean): Connection {
    const connection = super.acquireSync(forTransaction);
    if (!this.#settled.has(connection)) {
      for (const pragma of this.pragmas) connection.exec(pragma);
      const prepare = connection.prepare.bind(connection);
      // The driver's own prepare, generic only in its bind-parameter type, wrapped for this connection.
      connection.prepare = ((sql: string) => watchFailures(prepare(sql), () => this.#failed.add(connection))) as Connection['prepare'];
      this.#settled.add(connection);
    }
    return connection;
  }

  override release(connection: Connection): void {
    // A connection a statement failed on is not trusted again: after a BEGIN IMMEDIATE
    // refused for a lock, the driver's un-reset statement kept holding on to the database,
    // and the reused connection failed every later write with SQLITE_BUSY long after the
    // lock was free (test/api/busy.test.ts). Closing it ends whatever it held (rolling back
    // an open transaction); the pool opens a fresh one.
    if (this.#failed.has(connection) && connection.open) connection.close();
    super.release(connection);
  }
}

function watchFailures(statement: Statement, onFailure: () => void): Statement {
  for (const method of ['all', 'run'] as const) {
    const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
    Object.defineProperty(statement, method, {
      value: (...args: unknown[]) => {
        try {
          return run(...args);
        } catch (error) {
          onFailure();
          throw error;
        }
      },
    });
  }
  return statement;
}

/** One write at a time in this process, first come first served; a turn not given within `waitMs` is SQLITE_BUSY. */
class WriteGate {
  #busy = false;
  readonly #waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  acquire(waitMs = TURN_WAIT_MS): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant();
      } else this.#busy = false;
    };
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => resolve(release),
        timer: setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(entry), 1);
          reject(new LibsqlError('Timed out waiting for another write in this process', 'SQLITE_BUSY'));
        }, waitMs),
      };
      this.#waiting.push(entry);
    });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const sqlOf = (stmt: InStatement | string) => (typeof stmt === 'string' ? stmt : stmt.sql);
/** Plain reads need no turn: in WAL mode they never wait for a writer. Anything else is treated as a write. */
const isRead = (stmt: InStatement | string) => /^\s*select\b/i.test(sqlOf(stmt));

/** A write transaction that gives the gate back however it ends. */
class GatedTransaction implements Transaction {
  readonly #tx: Transaction;
  readonly #release: () => void;
  constructor(tx: Transaction, release: () => void) {
    this.#tx = tx;
    this.#release = release;
  }
  execute(stmt: InStatement): Promise<ResultSet> {
    return this.#tx.execute(stmt);
  }
  batch(stmts: InStatement[]) {
    return this.#tx.batch(stmts);
  }
  executeMultiple(sql: string) {
    return this.#tx.executeMultiple(sql);
  }
  async commit() {
    try {
      await this.#tx.commit();
    } finally {
      this.#release();
    }
  }
  async rollback() {
    try {
      await this.#tx.rollback();
    } finally {
      this.#release();
    }
  }
  close() {
    try {
      this.#tx.close();
    } finally {
      this.#release();
    }
  }
  get closed() {
    return this.#tx.closed;
  }
}

/** The client for a local database file: settled pooled connections behind the write gate. */
class LocalFileClient implements Client {
  readonly #inner: Sqlite3Client;
  readonly #gate = new WriteGate();
  readonly protocol = 'file';
  constructor(inner: Sqlite3Client) {
    this.#inner = inner;
  }
  get closed() {
    return this.#inner.closed;
  }
  execute(stmt: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const run = () => (typeof stmt === 'string' ? this.#inner.execute(stmt, args) : this.#inner.execute(stmt));
    return isRead(stmt) ? run() : this.#gate.run(run);
  }
  batch(stmts: (InStatement | [string, InArgs?])[], mode?: TransactionMode): Promise<ResultSet[]> {
    if (mode === 'read') return this.#inner.batch(stmts, 'read');
    return this.#gate.run(() => this.#inner.batch(stmts, 'write'));
  }
  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#gate.run(() => this.#inner.migrate(stmts));
  }
  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    if (mode === 'read') return this.#inner.transaction('read');
    const release = await this.#gate.acquire();
    try {
      return new GatedTransaction(await this.#inner.transaction('write'), release);
    } catch (error) {
      release();
      throw error;
    }
  }
  executeMultiple(sql: string): Promise<void> {
    return this.#gate.run(() => this.#inner.executeMultiple(sql));
  }
  sync() {
    return this.#inner.sync();
  }
  reconnect() {
    return this.#inner.reconnect();
  }
  close() {
    this.#inner.close();
  }
}

/** The file path inside a `file:` URL (relative, `file:/abs` or `file:///abs`; query removed). */
export function filePath(url: string): string {
  const rest = decodeURIComponent(url.slice('file:'.length).split('?')[0] ?? '');
  return rest.startsWith('///') ? rest.slice(2) : rest.startsWith('//localhost/') ? rest.slice('//localhost'.length) : rest;
}

/** Opens a local database file (not `:memory:`) for concurrent use by this process and others. */
export function createLocalFileClient(url: string, pattern: ReadPattern = 'serve'): Client {
  // Up to 20 connections, as @libsql/client's own default: overlapping reads each borrow one.
  const pool = new SettledPool(filePath(url), {}, 20);
  pool.pragmas = connectionPragmas(pattern);
  return new LocalFileClient(new Sqlite3Client(pool, 'number'));
}
