import type { MiddlewareHandler } from 'hono';
import { securityHeaders } from '../../src/core/security-headers.ts';

/** Sets the portal's security headers on every response that passes through Hono; a stricter value a route set (no-referrer on private links) stays. */
export const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(securityHeaders)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
};
