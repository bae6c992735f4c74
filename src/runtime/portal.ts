import { createApp, withDefaults, type App } from '../../functions/app.ts';
import type { AppDeps } from '../../functions/deps.ts';

/**
 * What a request needs from the runtime it runs on, in Astro's `locals.portal`: the
 * dependencies (database, settings, clock, the page cache's invalidation) and the JSON
 * API built on them. Node's server makes one per process; the Worker one per isolate.
 */
export interface PortalRuntime {
  deps: Required<AppDeps>;
  api: App;
  /** Node compresses its own answers; Cloudflare compresses at the edge. */
  compress: boolean;
}

export function createPortalRuntime(input: AppDeps, options: { compress: boolean }): PortalRuntime {
  const deps = withDefaults(input);
  return { deps, api: createApp(deps), compress: options.compress };
}
