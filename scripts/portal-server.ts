import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readdirSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseSecurityHeaders, contentSecurityPolicyWithTurnstile, documentSecurityHeaders, htmlCacheControl, securityHeaders } from '../src/core/security-headers.ts';
import type { PortalRuntime } from '../src/runtime/portal.ts';

/** What `@astrojs/node` builds in middleware mode (dist/server/entry.mjs). */
type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: undefined, locals: object) => Promise<void>;

/** Every file of the built static site, as URL paths (/daftar/index.html, /_astro/x.css). */
function staticFiles(clientDir: string): Set<string> {
  const files = readdirSync(clientDir, { recursive: true, withFileTypes: true });
  return new Set(files.filter((f) => f.isFile()).map((f) => `/${relative(clientDir, join(f.parentPath, f.name)).split('\\').join('/')}`));
}

/**
 * The portal on Node, one per server process: the prerendered pages and assets of
 * dist/client straight from disk (compressed, with the security headers that `_headers`
 * gives them on Cloudflare), and every other request to the Astro server build, with this
 * process's runtime (database, settings, API) in `locals`.
 */
export async function createPortalServer(options: { outDir: string; runtime: PortalRuntime; turnstile?: boolean }): Promise<RequestListener> {
  const clientDir = join(options.outDir, 'client');
  const entry = pathToFileURL(join(options.outDir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: AstroHandler };
  const files = staticFiles(clientDir);
  const locals = { portal: options.runtime };

  const assets = new Hono();
  assets.use('*', compress());
  assets.use('*', async (c, next) => {
    await next();
    const page = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    for (const [name, value] of Object.entries(page ? { ...baseSecurityHeaders, ...documentSecurityHeaders } : baseSecurityHeaders)) c.res.headers.set(name, value);
    if (page) c.res.headers.set('cache-control', htmlCacheControl);
    // With Turnstile on, the registration page may load its script and frame.
    if (page && options.turnstile && c.req.path === '/daftar/') c.res.headers.set('content-security-policy', contentSecurityPolicyWithTurnstile);
    if (c.req.path.startsWith('/_astro/') && c.res.ok) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });
  assets.use('*', serveStatic({ root: relative(process.cwd(), clientDir) || '.' }));
  const serveAsset = getRequestListener(assets.fetch);

  return (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Alamat tidak valid: ada karakter % yang tidak dapat dibaca.');
      return;
    }
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      if (files.has(path) || (path.endsWith('/') && files.has(`${path}index.html`))) return void serveAsset(req, res);
      // A prerendered page asked without its slash: the address with it.
      if (!path.endsWith('/') && files.has(`${path}/index.html`)) {
        res.writeHead(301, { location: `${path}/${(req.url ?? '').slice(path.length)}` }).end();
        return;
      }
    }
    // Astro answers an address no route matches with the 404 page without running the
    // middleware that sets headers: these are the page's, and a route's own replace them.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    void handler(req, res, undefined, locals);
  };
}

