import type { MiddlewareHandler } from 'hono';
import { baseSecurityHeaders, securityHeaders } from '../../src/core/security-headers.ts';

/**
 * Sets the portal's security headers: the base set on every response, the document set
 * (CSP and friends) on HTML. A stricter value a route set (same-origin on private links) stays.
 */
export const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const html = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
  for (const [name, value] of Object.entries(html ? securityHeaders : baseSecurityHeaders)) {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  }
};
