import type { CacheProvider, CacheProviderFactory } from 'astro';
import memoryProvider, { type MemoryCacheProviderOptions } from 'astro/cache/memory';

/**
 * Node's page cache: Astro's in-memory LRU cache, one per server process, which the
 * server process can also reach outside a request. When one process stores a change, it
 * invalidates its own cache through `invalidateProcessCache` and tells the others, which
 * do the same (scripts/serve.ts relays the message), so a change shows on every process at once.
 */
const REGISTRY = Symbol.for('etalase.processPageCache');
type Registry = { [REGISTRY]?: CacheProvider };

const processCache: CacheProviderFactory<MemoryCacheProviderOptions> = (config) => {
  const provider = memoryProvider(config);
  (globalThis as Registry)[REGISTRY] = provider;
  return provider;
};
export default processCache;

/** Drops this process's cached pages with any of these tags (nothing to do before the first cached page). */
export async function invalidateProcessCache(tags: string[]): Promise<void> {
  await (globalThis as Registry)[REGISTRY]?.invalidate({ tags });
}
