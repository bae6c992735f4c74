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

/**
 * Asks for the site to be rebuilt after a change the public must see (an approval, a
 * removal). The change is already stored, so a failed request is logged, never an error.
 */
export async function requestPublish(deps: { publishSite: () => Promise<void> | void; log: (message: string, error: unknown) => void }) {
  try {
    await deps.publishSite();
  } catch (error) {
    deps.log('Permintaan membangun ulang situs gagal', error);
  }
}
