import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index over the prerendered pages once `astro build` is done,
 * through Pagefind's Node API. Only profile pages carry data-pagefind-body, so only they
 * are indexed; Indonesian stemming is forced since every page is in Bahasa Indonesia.
 */
export function pagefindIndex(): AstroIntegration {
  let clientDir = '';
  return {
    name: 'etalase-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }) => {
        const started = Date.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
        if (!index) throw new Error(`Pagefind tidak dapat dimulai: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: clientDir });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(clientDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          logger.info(`Indeks pencarian Pagefind: ${added.page_count} halaman dalam ${Date.now() - started} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
