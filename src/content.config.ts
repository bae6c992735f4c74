import { defineCollection } from 'astro:content';
import { parseEnv } from '../functions/config.ts';
import { openDb } from '../db/local.ts';
import { allPublishedMsmes } from '../db/queries/msmes.ts';
import { toSiteListing } from './lib/listing.ts';

/**
 * Published listings, read from libSQL at build time by a content-layer loader (loaders
 * run in Node, so the local file works). Pages never open the database themselves.
 */
const msmes = defineCollection({
  loader: async () => {
    const config = parseEnv(process.env);
    const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
    try {
      const out = [];
      for await (const batch of allPublishedMsmes(db)) out.push(...batch.map((m) => ({ id: m.slug, ...toSiteListing(m) })));
      return out;
    } finally {
      client.close();
    }
  },
});

export const collections = { msmes };
