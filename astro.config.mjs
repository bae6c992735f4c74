// @ts-check
import { defineConfig } from 'astro/config';
import cloudflare from '@astrojs/cloudflare';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeadersFile } from './src/integrations/headers.ts';
import { buildRecord } from './src/integrations/build-record.ts';

const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Tests and the benchmark build into their own folders.
  outDir: process.env.ETALASE_OUT_DIR ?? './dist',
  // Pages are folders (/umkm/x/); the API under /api answers without a trailing slash, so Astro must not redirect.
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  // Prerendering runs in Node so the content loader can read the local libSQL file.
  adapter: cloudflare({ prerenderEnvironment: 'node', imageService: 'passthrough' }),
  integrations: [pagefindIndex(), securityHeadersFile(), buildRecord()],
  // No Astro sessions: the portal keeps no server-side session, so no KV namespace is needed.
  session: false,
  devToolbar: { enabled: false },
  // Scripts as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
});
