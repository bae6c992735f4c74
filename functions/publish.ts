import type { Context } from 'hono';
import { recordBuildRequest } from '../db/queries/site-builds.ts';
import type { Db } from '../db/client.ts';

/**
 * Production publishing: after an approval, POST the deploy hook (Workers Builds or Pages)
 * so Cloudflare rebuilds the static site from the database. The hook queues one build per
 * call; the request is recorded so staff can see when a rebuild was asked for.
 */
export function deployHookPublisher(options: { url: string; db: Db; fetch: typeof fetch; clock: () => Date }) {
  return async () => {
    const res = await options.fetch(options.url, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`Deploy hook menjawab ${res.status}`);
    await recordBuildRequest(options.db, options.clock());
  };
}

/** The runtime's waitUntil when there is one (the Worker), so work can finish after the response. */
export function backgroundOf(c: Context): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    // Node (and app.request in tests) has no execution context: the work is awaited.
    return undefined;
  }
}

/**
 * Asks for the site to be rebuilt after a change the public must see (an approval, a
 * removal). The change is already stored, so a failed request is logged, never an error.
 * With `background` (the Worker's waitUntil) the response does not wait for the deploy hook.
 */
export async function requestPublish(deps: { publishSite: () => Promise<void> | void; log: (message: string, error: unknown) => void }, background?: (work: Promise<unknown>) => void) {
  const work = (async () => {
    try {
      await deps.publishSite();
    } catch (error) {
      deps.log('Permintaan membangun ulang situs gagal', error);
    }
  })();
  if (background) background(work);
  else await work;
}
