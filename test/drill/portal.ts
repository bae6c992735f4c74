import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatabaseFile } from '../../db/backup.ts';
import { filePath } from '../../db/local-client.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A free loopback port, asked of the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `etalase-${prefix}-`));

/** Runs one of the project's commands (node scripts/…) to its end; resolves with its exit code and output. */
export function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

export interface RunningPortal {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGINT or SIGTERM to the main process, as Ctrl+C or a service manager would; resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** kill -9 of the main process and every server process it forked (a power cut, an OOM kill). */
  crash: () => Promise<void>;
}

/**
 * `npm start`'s own server (scripts/start.ts, without the site build) on a database file,
 * with WORKERS server processes; resolves once it says it is listening.
 */
export async function startPortal(options: { databaseUrl: string; workers?: number; sample?: number; env?: Record<string, string> }): Promise<RunningPortal> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.ts', '--no-build', '--sample', String(options.sample ?? 20)], {
    cwd: root,
    // Its own process group, so a crash drill can kill the main process and its forks at once.
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKERS: String(options.workers ?? 2),
      WRITES_PER_MINUTE: '10000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('siap di http')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
    crash: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** SQLite's integrity check and FTS5's own check of the search index, on a database file (the backup command's own check). */
export async function integrityChecks(databaseUrl: string): Promise<{ sqlite: string; fts: string }> {
  const { sqlite, fts } = await checkDatabaseFile(filePath(databaseUrl));
  return { sqlite, fts };
}
