import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps.ts';

/** Liveness plus a real round trip to the database. */
export function healthRoutes(deps: Required<AppDeps>) {
  return new Hono().get('/', async (c) => {
    const started = Date.now();
    await deps.db.run(sql`SELECT 1`);
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok', database: 'ok', databaseMs: Date.now() - started, time: deps.clock().toISOString() });
  });
}
