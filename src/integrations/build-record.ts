import type { AstroIntegration } from 'astro';
import { parseEnv } from '../../functions/config.ts';
import { openDb } from '../../db/local.ts';
import { recordBuild } from '../../db/queries/site-builds.ts';

/**
 * Writes each finished build into the database with the moment it read the listings, so the
 * owner's status page can say whether an approved change is on the site yet. The moment is
 * taken before Astro syncs content, so a listing approved during the build counts as not yet built.
 */
export function buildRecord(): AstroIntegration {
  let snapshotAt = new Date();
  return {
    name: 'etalase-build-record',
    hooks: {
      'astro:config:done': () => {
        snapshotAt = new Date();
      },
      'astro:build:done': async ({ logger }) => {
        const config = parseEnv(process.env);
        const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
        try {
          await recordBuild(db, snapshotAt, new Date());
        } catch (error) {
          // The site is built either way; only the status pages' "live yet?" answer is missing.
          logger.warn(`Catatan build tidak tersimpan: ${(error as Error).message}`);
        } finally {
          client.close();
        }
      },
    },
  };
}
