import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { createNodeServer } from '../../functions/node.ts';
import { parseEnv } from '../../functions/config.ts';
import { buildSite } from '../../scripts/build.ts';
import { localRebuilder } from '../../scripts/rebuilder.ts';

/**
 * The portal as `npm start` serves it (built site + API in one Node process), on a fresh
 * temporary database with `sample` listings. Inside the project, since the prerendered
 * chunks resolve packages from its node_modules.
 */
export async function startPortal(sample = 60) {
  const scratch = fileURLToPath(new URL('../../.tmp', import.meta.url));
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, 'e2e-'));
  const databaseUrl = `file:${join(dir, 'e2e.db')}`;
  const { db, client } = await openDb(databaseUrl);
  await seedSample(db, { total: sample, now: new Date('2026-11-01T00:00:00Z') });
  const outDir = join(dir, 'dist');
  await buildSite({ databaseUrl, outDir, quiet: true });
  const config = parseEnv({ DATABASE_URL: databaseUrl, SITE_URL: 'http://127.0.0.1:4321' });
  // Approvals rebuild the site in the background, as under npm start.
  const rebuilder = localRebuilder({ root: dir, clientDir: join(outDir, 'client'), databaseUrl, debounceMs: 200 });
  const app = createNodeServer({ db, config, clientDir: join(outDir, 'client'), publishSite: () => rebuilder.request() });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    db,
    url: `http://127.0.0.1:${port}`,
    rebuilder,
    async stop() {
      await rebuilder.idle();
      await new Promise((resolve) => server.close(resolve));
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
