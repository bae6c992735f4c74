import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';

/** Counts writes per client: `hit` refuses the one past the limit with a 429 and Retry-After. */
export interface WriteLimiter {
  hit: (client: string) => void;
}

/**
 * A fixed-window limit on writes per client: past `perMinute` in a minute, 429 with
 * Retry-After. One per runtime, shared by the API and the pages' forms. The counters live
 * in memory: per process on Node, per isolate on Workers (a Cloudflare rate-limiting rule
 * covers the whole edge).
 */
export function createWriteLimiter(perMinute: number, clock: () => Date): WriteLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(client) {
      const now = clock().getTime();
      const entry = windows.get(client);
      if (!entry || now - entry.start >= 60_000) {
        if (windows.size > 10_000) windows.clear();
        windows.set(client, { start: now, count: 1 });
        return;
      }
      entry.count++;
      if (entry.count > perMinute) {
        const retryAfter = Math.max(1, Math.ceil((entry.start + 60_000 - now) / 1000));
        throw new AppError('RATE_LIMITED', messages.rateLimited(retryAfter), { headers: { 'retry-after': String(retryAfter) } });
      }
    },
  };
}
