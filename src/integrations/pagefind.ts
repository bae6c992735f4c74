import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { suggestionRecords } from '../lib/suggestions.ts';

/**
 * Builds the search page's suggestion index with Pagefind's Node API once `astro build` is
 * done: categories, kabupaten/kota, kecamatan and the portal's pages as custom records, in
 * Indonesian. Listings are never in it: they are searched on the server (FTS5), so the
 * index stays the same size at 1,000,000 listings.
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
          const records = suggestionRecords();
          for (const record of records) {
            const added = await index.addCustomRecord({ url: record.url, content: record.content, language: 'id', meta: { title: record.title, jenis: record.kind } });
            if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          }
          const written = await index.writeFiles({ outputPath: join(clientDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          logger.info(`Indeks saran pencarian (Pagefind): ${records.length} entri dalam ${Date.now() - started} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
