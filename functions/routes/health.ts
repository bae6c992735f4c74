import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { healthSchema } from '../../src/core/api-schemas.ts';
import type { AppDeps } from '../deps.ts';
import { json } from '../route-kit.ts';

const health = createRoute({
  method: 'get',
  path: '/',
  operationId: 'health',
  summary: 'Hidup dan tersambung ke basis data',
  responses: { 200: json('Server hidup; satu perjalanan ke basis data berhasil', healthSchema) },
});

/** Liveness plus a real round trip to the database. */
export function healthRoutes(deps: Required<AppDeps>) {
  return new OpenAPIHono().openapi(health, async (c) => {
    const started = Date.now();
    await deps.db.run(sql`SELECT 1`);
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, database: 'ok' as const, databaseMs: Date.now() - started, time: deps.clock().toISOString() }, 200);
  });
}
