import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { ensureBuild } from '../../scripts/build.ts';
import { startPortal as startServer } from '../drill/portal.ts';

/**
 * The portal as `npm start` serves it: the current build in dist/ (built first if the code
 * changed), two server processes (scripts/start.ts with WORKERS=2) on a fresh temporary
 * database with `sample` listings, which the test can also read and write.
 */
export async function startPortal(sample = 60) {
  const scratch = fileURLToPath(new URL('../../.tmp', import.meta.url));
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, 'e2e-'));
  const databaseUrl = `file:${join(dir, 'e2e.db')}`;
  await ensureBuild(fileURLToPath(new URL('../../dist', import.meta.url)));
  const { db, client } = await openDb(databaseUrl);
  await seedSample(db, { total: sample, now: new Date('2026-11-01T00:00:00Z') });
  const server = await startServer({ databaseUrl, workers: 2, env: { SITE_URL: 'http://127.0.0.1:4321', WRITES_PER_MINUTE: '1000' } });
  return {
    db,
    url: server.url,
    async stop() {
      await server.stop();
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
