import { defineMiddleware } from 'astro:middleware';
import { portalRuntime } from '#runtime';
import { refuseMethod } from './lib/page-methods.ts';
import { baseSecurityHeaders, contentSecurityPolicyForSearch, contentSecurityPolicyWithTurnstile, htmlCacheControl, SEARCH_PAGE, securityHeaders } from './core/security-headers.ts';

/** Text worth compressing; images and archives are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|problem\+json|javascript)|image\/svg)/;

/**
 * Every request the server renders: the runtime (database, settings, API) into `locals`,
 * then the portal's security headers, a revalidating Cache-Control on pages, and gzip on
 * Node (Cloudflare compresses at the edge). Prerendered files served as they are get
 * theirs from `_headers` and the Node server's static file handler.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // A prerendered page served by the server (the 404 page for an unknown address) gets the headers too.
  const refused = refuseMethod(context.request.method, context.routePattern, context.isPrerendered);
  if (refused) return refused;
  const runtime = context.isPrerendered ? undefined : await portalRuntime(context.locals);
  if (runtime) context.locals.portal = runtime;
  const response = mutable(await next());
  const type = response.headers.get('content-type') ?? '';
  const html = type.startsWith('text/html');
  // Only the search page runs WebAssembly (Pagefind's suggestions).
  if (html && context.url.pathname === SEARCH_PAGE) response.headers.set('content-security-policy', contentSecurityPolicyForSearch);
  // The registration form, answered again with its mistakes, may load Turnstile's script and frame.
  if (html && runtime?.deps.config.TURNSTILE_SITE_KEY && context.url.pathname.startsWith('/daftar/')) response.headers.set('content-security-policy', contentSecurityPolicyWithTurnstile);
  for (const [name, value] of Object.entries(html ? securityHeaders : baseSecurityHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (html && !response.headers.has('cache-control')) response.headers.set('cache-control', htmlCacheControl);
  const accepts = /\bgzip\b/.test(context.request.headers.get('accept-encoding') ?? '');
  if (!runtime?.compress || !response.body || response.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return response;
  response.headers.append('vary', 'Accept-Encoding');
  if (!accepts) return response;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers });
});

/** A response whose headers can be set (a fetched or redirect response's cannot). */
function mutable(response: Response): Response {
  try {
    response.headers.set('x-content-type-options', 'nosniff');
    return response;
  } catch {
    return new Response(response.body, response);
  }
}
