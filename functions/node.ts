import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readFile } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import { createApp } from './app.ts';
import { withSecurityHeaders } from './middleware/security-headers.ts';
import { contentSecurityPolicyForSearch, contentSecurityPolicyWithTurnstile, htmlCacheControl, SEARCH_PAGE } from '../src/core/security-headers.ts';
import type { Config } from './config.ts';
import type { Db } from '../db/client.ts';

/**
 * Node runtime for local use: the built static site from dist/client plus the same API
 * app the Worker runs, in one process on the local libSQL file.
 */
export function createNodeServer(options: { db: Db; config: Config; clientDir: string; publishSite?: () => void }) {
  const { db, config, clientDir } = options;
  const readPage = async (path: string) => {
    const file = normalize(join(clientDir, path, path.endsWith('/') ? 'index.html' : ''));
    if (relative(clientDir, file).startsWith('..')) return null;
    return readFile(file, 'utf8').catch(() => null);
  };
  const api = createApp({ db, config, assets: readPage, ...(options.publishSite ? { publishSite: options.publishSite } : {}) });
  const server = new Hono();
  // Cloudflare compresses at the edge; locally we do it here so pages weigh what they will in production.
  server.use('*', compress());
  // With Turnstile on, the registration page may load its script and frame.
  if (config.TURNSTILE_SITE_KEY) {
    server.use('/daftar/', async (c, next) => {
      await next();
      c.res.headers.set('content-security-policy', contentSecurityPolicyWithTurnstile);
    });
  }
  // Pagefind's WebAssembly runs on the search page only.
  server.use(SEARCH_PAGE, async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', contentSecurityPolicyForSearch);
  });
  server.use('*', withSecurityHeaders);
  // Prerendered pages: revalidated on every visit, since a rebuild may change them at any time.
  server.use('*', async (c, next) => {
    await next();
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html') && !c.res.headers.has('cache-control')) c.res.headers.set('cache-control', htmlCacheControl);
  });
  server.all('/api/*', (c) => api.fetch(c.req.raw, c.env));
  server.all('/status/:token', (c) => api.fetch(c.req.raw, c.env));
  server.all('/status/:token/*', (c) => api.fetch(c.req.raw, c.env));
  server.all('/pengadaan/*', (c) => api.fetch(c.req.raw, c.env));
  server.all('/poster/*', (c) => api.fetch(c.req.raw, c.env));
  server.all('/admin', (c) => api.fetch(c.req.raw, c.env));
  server.all('/admin/*', (c) => api.fetch(c.req.raw, c.env));
  server.all('/pengadaan', (c) => c.redirect('/pengadaan/', 301));
  server.use('/_astro/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  server.use('*', serveStatic({ root: relative(process.cwd(), clientDir) || '.' }));
  server.all('*', async (c) => c.html((await readPage('/404.html')) ?? 'Halaman tidak ditemukan', 404));
  return server;
}
