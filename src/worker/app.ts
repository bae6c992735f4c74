import type { APIRoute } from 'astro';
import { env } from 'cloudflare:workers';
import { createClient } from '@libsql/client/web';
import { createApp, type App } from '../../functions/app.ts';
import { parseEnv } from '../../functions/config.ts';
import { createDb } from '../../db/client.ts';
import { deployHookPublisher } from '../../functions/publish.ts';

interface WorkerEnv {
  ASSETS?: { fetch: (request: Request | URL) => Promise<Response> };
  [key: string]: unknown;
}

let app: App | undefined;

/**
 * The API app on Cloudflare, built once per isolate: a libSQL client over HTTP to Turso
 * (the only kind a Worker can open) and the static assets binding for page shells.
 */
export function workerApp(): App {
  if (app) return app;
  const workerEnv = env as WorkerEnv;
  const config = parseEnv(workerEnv);
  const client = createClient(
    config.DATABASE_AUTH_TOKEN ? { url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN } : { url: config.DATABASE_URL },
  );
  const db = createDb(client);
  app = createApp({
    db,
    config,
    ...(config.DEPLOY_HOOK_URL ? { publishSite: deployHookPublisher({ url: config.DEPLOY_HOOK_URL, db, fetch: (...args) => fetch(...args), clock: () => new Date() }) } : {}),
    assets: async (path, request) => {
      const response = await workerEnv.ASSETS?.fetch(new URL(path, request.url));
      return response?.ok ? response.text() : null;
    },
  });
  return app;
}

/** The Worker's execution context, which the Cloudflare adapter puts in Astro's locals. */
interface WorkerLocals {
  cfContext?: { waitUntil(promise: Promise<unknown>): void; passThroughOnException(): void; props: unknown };
}

/**
 * An Astro endpoint that hands its request to the Hono app with the Worker's execution
 * context, so work such as calling the deploy hook can finish after the response (waitUntil).
 */
export const toWorkerApp: APIRoute = ({ request, locals }) => workerApp().fetch(request, undefined, (locals as WorkerLocals).cfContext);
