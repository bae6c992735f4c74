import type { MiddlewareHandler } from 'hono';
import { readLimited } from '../request-body.ts';

/**
 * Refuses request bodies over `maxKb` with a 413 in Indonesian, before any parsing (see
 * readLimited: a refused body is still drained, so the connection stays usable).
 */
export function bodyLimit(maxKb: number): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.raw.body) return next();
    const body = await readLimited(c.req.raw, maxKb);
    c.req.raw = new Request(c.req.raw, { body });
    return next();
  };
}
