import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { reportSchema } from '../../src/core/report.ts';
import { readBody } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { json, jsonBody, problem } from '../route-kit.ts';
import { reportProblem } from '../services/reports.ts';

const report = createRoute({
  method: 'post',
  path: '/',
  operationId: 'reportProblem',
  summary: 'Laporkan masalah pada profil UMKM (data salah, tutup, tautan mati, bukan usahanya)',
  request: { body: jsonBody(reportSchema, 'Laporan') },
  responses: {
    201: json('Laporan masuk ke antrean petugas', z.object({ id: z.number().int(), status: z.literal('open') })),
    404: problem('Tidak ada UMKM tayang dengan slug ini'),
    422: problem('Ada isian yang perlu diperbaiki'),
  },
});

/** POST /api/reports: a problem on a public profile, from a script or API client (the profile's own form posts to its page). */
export function reportRoutes(deps: Required<AppDeps>) {
  return new OpenAPIHono().openapi(report, async (c) => {
    const { id } = await reportProblem(deps, (await readBody(c)).data);
    c.header('cache-control', 'no-store');
    return c.json({ id, status: 'open' as const }, 201);
  });
}
