import type { AstroGlobal } from 'astro';

/**
 * How long a page drawn from the database may be served from the runtime's cache. A change
 * to a listing drops the pages tagged with it at once on Node; on Cloudflare the edge cache
 * keeps a page at most its own bound (src/runtime/edge-cache.ts).
 */
export const PAGE_MAX_AGE = 600;

/** Caches this page under `tags` (see src/core/page-tags.ts). */
export function cachePage(astro: Pick<AstroGlobal, 'cache'>, tags: string[], maxAge = PAGE_MAX_AGE) {
  if (astro.cache.enabled) astro.cache.set({ maxAge, tags });
}
