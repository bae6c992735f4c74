import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';

/**
 * Who is asking: Cloudflare's connecting IP on the edge, the socket's address on Node.
 * (Behind Cloudflare the header cannot be forged; the Node server is for local use.)
 */
export function clientKey(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return c.req.header('cf-connecting-ip') ?? env?.incoming?.socket?.remoteAddress ?? 'tanpa-alamat';
}

/**
 * A fixed-window limit on writes per client: past `perMinute` in a minute, 429 with
 * Retry-After. The counters live in this app instance: per process on Node, per isolate
 * on Workers (a Cloudflare rate-limiting rule covers the whole edge).
 */
export function rateLimit(perMinute: number, clock: () => Date): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const now = clock().getTime();
    const key = clientKey(c);
    const entry = windows.get(key);
    if (!entry || now - entry.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: now, count: 1 });
      return next();
    }
    entry.count++;
    if (entry.count > perMinute) {
      const retryAfter = Math.max(1, Math.ceil((entry.start + 60_000 - now) / 1000));
      throw new AppError('RATE_LIMITED', messages.rateLimited(retryAfter), { headers: { 'retry-after': String(retryAfter) } });
    }
    return next();
  };
}
