import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createPortalServer } from '../../scripts/portal-server.ts';
import { createPortalRuntime } from '../../src/runtime/portal.ts';
import { invalidateProcessCache } from '../../src/runtime/process-cache.ts';
import type { Db } from '../../db/client.ts';
import type { FileStore } from '../../functions/files.ts';

/**
 * The built site (dist/, from test/global-build.ts) served as one `npm start` process
 * serves it, on the given database, on a free loopback port. Closed after the test file.
 */
export async function servePages(db: Db, options: { files?: FileStore | null } = {}) {
  const runtime = createPortalRuntime(
    { db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 1000 }, log: () => {}, pagesChanged: invalidateProcessCache, files: options.files ?? null },
    { compress: true },
  );
  const listener = await createPortalServer({ outDir: fileURLToPath(new URL('../../dist', import.meta.url)), runtime });
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    runtime,
    get: (path: string, init: RequestInit = {}) => fetch(new URL(path, base), { redirect: 'manual', ...init }),
  };
}
