// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import node from '@astrojs/node';
import { fileURLToPath } from 'node:url';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeadersFile } from './src/integrations/headers.ts';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * One config, two runtimes. `npm start` and the tests build for Node (`@astrojs/node` as
 * middleware inside scripts/portal-server.ts, on the local libSQL file); `npm run build`
 * sets ETALASE_ADAPTER=cloudflare for the Worker on Turso.
 */
const runtime = process.env.ETALASE_ADAPTER === 'cloudflare' ? 'cloudflare' : 'node';
if (process.env.ETALASE_ADAPTER && !['node', 'cloudflare'].includes(process.env.ETALASE_ADAPTER)) {
  throw new Error(`ETALASE_ADAPTER = ${JSON.stringify(process.env.ETALASE_ADAPTER)} tidak dikenal. Yang diizinkan: node atau cloudflare.`);
}
/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Worker imports the photo codecs' WebAssembly as compiled modules (.wasm?module,
 * src/runtime/photo-wasm-cloudflare.ts); prerendering the static pages runs that code in
 * Node, where such an import means nothing and no photo is ever decoded: there it is null.
 * @type {import('vite').Plugin}
 */
const wasmOnlyInWorker = {
  name: 'etalase:wasm-only-in-worker',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'prerender',
  resolveId: (id) => (id.endsWith('.wasm?module') ? '\0etalase:no-wasm' : undefined),
  load: (id) => (id === '\0etalase:no-wasm' ? 'export default null;' : undefined),
};

export default defineConfig({
  site,
  // Tests and the benchmark build into their own folders.
  outDir: process.env.ETALASE_OUT_DIR ?? './dist',
  // Pages are folders (/umkm/x/); the API under /api answers without a trailing slash, so Astro must not redirect.
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  adapter:
    runtime === 'cloudflare'
      ? cloudflare({ prerenderEnvironment: 'node', imageService: 'passthrough' })
      : node({ mode: 'middleware' }),
  // Pages drawn from the database are cached per runtime (src/runtime/): in each Node
  // process's memory, invalidated by tag across processes; on Cloudflare in the Workers Cache API, bounded.
  // 1,000 pages per Node process hold the home, category, region and popular pages; 5,000 kept so
  // much garbage for V8 that a million-listing search load's p99 rose from 49 to 58 ms.
  cache: {
    provider:
      runtime === 'cloudflare'
        ? { name: 'etalase-edge', entrypoint: here('./src/runtime/edge-cache.ts'), config: {} }
        : { name: 'etalase-memory', entrypoint: here('./src/runtime/process-cache.ts'), config: { max: 1000 } },
  },
  integrations: [pagefindIndex(), securityHeadersFile()],
  // No Astro sessions: the portal keeps no server-side session, so no KV namespace is needed.
  session: false,
  devToolbar: { enabled: false },
  vite: {
    // Scripts as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
    build: { assetsInlineLimit: 0 },
    plugins: runtime === 'cloudflare' ? [wasmOnlyInWorker] : [],
    // Where a page's database and settings come from on this runtime.
    resolve: { alias: { '#runtime': here(runtime === 'cloudflare' ? './src/runtime/cloudflare.ts' : './src/runtime/node.ts') } },
  },
});
