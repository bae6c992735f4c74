import type { CacheProviderFactory } from 'astro';
import { htmlCacheControl } from '../core/security-headers.ts';

interface EdgeCacheOptions {
  /** The longest a page stays in a data centre's cache, in seconds: how stale a page can be on Cloudflare. */
  maxSeconds?: number;
}

/** The Workers runtime's default cache (the Cache API); absent elsewhere. */
const defaultCache = () => (globalThis as { caches?: { default?: Cache } }).caches?.default;

/**
 * Cloudflare's page cache, on the Workers Cache API: a page is kept in the data centre
 * that rendered it for the page's max-age, at most `maxSeconds`. The Cache API cannot
 * purge by tag nor reach other data centres, so invalidation is by expiry: after a change
 * a page is at most `maxSeconds` old. Browsers always revalidate (Cache-Control max-age=0).
 */
const edgeCache: CacheProviderFactory<EdgeCacheOptions> = (config) => {
  const cap = config?.maxSeconds ?? 60;
  return {
    name: 'etalase-edge',
    async onRequest(context, next) {
      const cache = defaultCache();
      if (context.request.method !== 'GET' || !cache || cap <= 0) return next();
      const key = new Request(context.url.toString(), { method: 'GET' });
      const hit = await cache.match(key);
      if (hit) {
        const response = new Response(hit.body, hit);
        response.headers.set('cache-control', htmlCacheControl);
        response.headers.set('x-astro-cache', 'HIT');
        return response;
      }
      const response = await next();
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cdn-cache-control') ?? '')?.[1] ?? 0);
      if (response.status !== 200 || maxAge <= 0 || response.headers.has('set-cookie')) return response;
      const stored = new Response(response.clone().body, response);
      stored.headers.set('cache-control', `public, max-age=${Math.min(maxAge, cap)}`);
      stored.headers.delete('cdn-cache-control');
      stored.headers.delete('cache-tag');
      const put = cache.put(key, stored);
      if (context.waitUntil) context.waitUntil(put);
      else await put;
      response.headers.set('x-astro-cache', 'MISS');
      return response;
    },
    // Expiry is the invalidation here (see above).
    async invalidate() {},
  };
};
export default edgeCache;
