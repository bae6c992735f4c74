import type { Context, MiddlewareHandler } from 'hono';
import type { WriteLimiter } from '../write-limit.ts';

/**
 * Who is asking: the address Astro gives the endpoint that mounts the API (Cloudflare's
 * connecting IP on the edge, the socket's address on Node).
 */
export function clientKey(c: Context): string {
  const env = c.env as { clientAddress?: string } | undefined;
  return env?.clientAddress ?? c.req.header('cf-connecting-ip') ?? 'tanpa-alamat';
}

/** The runtime's write limit on every request that is not a read. */
export function rateLimit(limiter: WriteLimiter): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') limiter.hit(clientKey(c));
    return next();
  };
}
