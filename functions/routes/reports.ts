import { Hono } from 'hono';
import { readBody } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { reportProblem } from '../services/reports.ts';

/** POST /api/reports: a problem on a public profile, from a script or API client (the profile's own form posts to its page). */
export function reportRoutes(deps: Required<AppDeps>) {
  return new Hono().post('/', async (c) => {
    const { id } = await reportProblem(deps, (await readBody(c)).data);
    c.header('cache-control', 'no-store');
    return c.json({ id, status: 'open' }, 201);
  });
}
