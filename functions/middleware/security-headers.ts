import type { MiddlewareHandler } from 'hono';
import { apiSecurityHeaders, baseSecurityHeaders, securityHeaders } from '../../src/core/security-headers.ts';

const headersMiddleware =
  (others: Record<string, string>): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const html = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
    for (const [name, value] of Object.entries(html ? securityHeaders : others)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };

/**
 * The portal's security headers: the base set on every response, the document set (CSP and
 * friends) on HTML. A stricter value a route set (same-origin on private links) stays.
 */
export const withSecurityHeaders = headersMiddleware(baseSecurityHeaders);

/** The same for the Hono app, whose other answers (JSON, CSV) also get a CSP under which nothing runs. */
export const withApiSecurityHeaders = headersMiddleware({ ...baseSecurityHeaders, ...apiSecurityHeaders });
