import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createPortalServer } from '../scripts/portal-server.ts';
import { createPortalRuntime } from '../src/runtime/portal.ts';
import { folderFileStore } from '../src/runtime/files-folder.ts';
import { threadPhotoProcessor } from '../src/runtime/photo-thread.ts';
import { invalidateProcessCache } from '../src/runtime/process-cache.ts';
import type { AppDeps } from '../functions/deps.ts';
import { createDb, type Db } from '../db/client.ts';
import { openDb } from '../db/local.ts';
import type { RegistrationInput } from '../src/core/registration.ts';

/** True when `npm run test:edge` runs the API tests against the Worker (see freshApp). */
export const onEdge = Boolean(process.env['EDGE_BASE_URL']);

/** What an API test talks to: the Hono app in process, or the Cloudflare Worker over HTTP. */
export interface Target {
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** Where requests go: the Origin a browser on these pages sends. */
  origin: string;
}

/** Empties every table, so the shared edge database starts each test file fresh. */
async function emptyDatabase(db: Db) {
  for (const table of ['msme_fts', 'link_check_runs', 'audit_log', 'msme_photos', 'msme_reports', 'msme_revisions', 'products', 'store_links', 'msmes', 'staff_sessions', 'staff']) await db.run(sql.raw(`DELETE FROM ${table}`));
}

/**
 * The system under test, over a fresh database with the real migrations. By default the
 * built portal (pages and API) served from this process on a new libSQL file, removed
 * after the test file. When
 * `npm run test:edge` sets EDGE_BASE_URL and EDGE_DATABASE_URL, the same tests run
 * against the built Worker in workerd and its libSQL server (sqld), emptied first.
 */
export async function freshApp(
  options: {
    now?: () => Date;
    writesPerMinute?: number;
    /** Receives the cache tags of each change the public must see (the runtime's page cache invalidation). */
    pagesChanged?: (tags: string[]) => void;
    /** Optional services (Turnstile, email), and the stand-in for their HTTP APIs outside our walls. */
    services?: { config: Partial<AppDeps['config']>; fetch: typeof fetch };
    log?: (message: string, error: unknown) => void;
  } = {},
) {
  const edgeUrl = process.env['EDGE_BASE_URL'];
  const edgeDatabase = process.env['EDGE_DATABASE_URL'];
  if (edgeUrl && edgeDatabase) {
    const client = createClient({ url: edgeDatabase });
    const db = createDb(client);
    await emptyDatabase(db);
    afterAll(() => client.close());
    // Like a browser on the portal's own pages: Astro's origin check on the Worker refuses
    // form posts and other writes that come without a same-origin Origin header.
    const app: Target = {
      origin: new URL(edgeUrl).origin,
      request: async (path, init = {}) => {
        const headers = new Headers(init.headers);
        if ((init.method ?? 'GET') !== 'GET' && !headers.has('origin')) headers.set('origin', new URL(edgeUrl).origin);
        const send = () => fetch(new URL(path, edgeUrl), { redirect: 'manual', ...init, headers });
        const res = await send();
        // wrangler dev's local proxy loses its connection to the Worker after a response that
        // left the request body unread (a body refused for its size, or a cross-site form post
        // refused by Astro's origin check), and then fails the next request it forwards with a
        // 500 "Network connection lost" before the Worker sees it. Nothing reached the Worker,
        // so it is sent once more; Cloudflare itself has no such proxy.
        if (res.status === 500 && (await res.clone().text()).includes('Network connection lost')) return send();
        return res;
      },
    };
    return { app, db, client, databaseUrl: edgeDatabase };
  }
  const dir = mkdtempSync(join(tmpdir(), 'etalase-test-'));
  const databaseUrl = `file:${join(dir, 'test.db')}`;
  const { db, client } = await openDb(databaseUrl);
  // The portal as one `npm start` process serves it: the built pages (dist/, see
  // test/global-build.ts) and the API behind them, over loopback HTTP.
  const runtime = createPortalRuntime(
    {
      db,
      config: {
        SITE_URL: 'http://localhost:4321',
        MAX_BODY_KB: 64,
        WRITES_PER_MINUTE: options.writesPerMinute ?? 1000,
        ...options.services?.config,
      },
      ...(options.services ? { fetch: options.services.fetch } : {}),
      clock: options.now ?? (() => new Date('2026-11-29T03:00:00Z')),
      log: options.log ?? (() => {}),
      // As `npm start` keeps them: a folder beside the database, photos through the WebAssembly codecs.
      files: folderFileStore(join(dir, 'files')),
      photos: threadPhotoProcessor(),
      pagesChanged: async (tags) => {
        await invalidateProcessCache(tags);
        options.pagesChanged?.(tags);
      },
    },
    { compress: false },
  );
  const server = createServer(await createPortalServer({ outDir: fileURLToPath(new URL('../dist', import.meta.url)), runtime }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const app: Target = {
    origin: base,
    request: async (path, init = {}) => {
      // Like a browser on the portal's own pages: Astro refuses form posts from another origin.
      const headers = new Headers(init.headers);
      if ((init.method ?? 'GET') !== 'GET' && !headers.has('origin')) headers.set('origin', base);
      return fetch(new URL(path, base), { redirect: 'manual', ...init, headers });
    },
  };
  return { app, db, client, databaseUrl };
}

/** A registration an owner could really send. */
export function validRegistration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    name: 'Keripik Tempe Bu Enok',
    description: 'Keripik tempe renyah dari kedelai lokal, digoreng setiap hari tanpa pengawet.',
    category: 'kuliner',
    kbliCodes: ['10794'],
    regencyCode: '32.73',
    districtCode: '32.73.01',
    whatsapp: '0812-3456-7890',
    nib: '1234567890123',
    storeLinks: ['https://www.tokopedia.com/keripikbuenok?utm_source=wa', 'shopee.co.id/keripikbuenok'],
    products: [{ name: 'Keripik tempe original 250 g', priceMin: 15000, priceMax: '25.000' }],
    consent: true,
    ...overrides,
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A form post from the portal's own pages (same Origin), as a browser sends it. */
export const formPost = (target: Target, fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: target.origin, ...headers },
  body: new URLSearchParams(fields).toString(),
});

/**
 * A signed-in staff browser: signs in through /admin/masuk, keeps the session cookie, and
 * takes the form token from a staff page; posts carry both.
 */
export async function staffBrowser(target: Target, username: string, password: string) {
  const res = await target.request('/admin/masuk', formPost(target, { username, password }));
  if (res.status !== 303) throw new Error(`${username} tidak dapat masuk: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await target.request('/admin/statistik', { headers: { cookie } })).text())?.[1] ?? '';
  return {
    cookie,
    csrf,
    get: (path: string) => target.request(path, { headers: { cookie } }),
    post: (path: string, fields: Record<string, string> = {}) => target.request(path, formPost(target, { csrf, ...fields }, { cookie })),
  };
}
