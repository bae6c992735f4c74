import { parseEnv } from '../../functions/config.ts';
import { openDb } from '../../db/local.ts';
import { createPortalRuntime, type PortalRuntime } from './portal.ts';
import { invalidateProcessCache } from './process-cache.ts';
import { filesDirFor, folderFileStore } from './files-folder.ts';
import { photoCodec } from '../../functions/photo-codec.ts';
import { inProcess } from '../../functions/photo-process.ts';
import { nodePhotoWasm } from './photo-wasm-node.ts';

let forDev: Promise<PortalRuntime> | undefined;

/**
 * On Node the server (scripts/portal-server.ts) opens the database once per process and
 * hands its runtime to every request in `locals.portal`. Only `astro dev`, which has no such
 * server around it, opens the local database from the environment here.
 */
export function portalRuntime(locals: { portal?: PortalRuntime }): Promise<PortalRuntime> {
  if (locals.portal) return Promise.resolve(locals.portal);
  forDev ??= (async () => {
    const config = parseEnv(process.env);
    const { db } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
    return createPortalRuntime({ db, config, pagesChanged: invalidateProcessCache, files: folderFileStore(filesDirFor(config)), photos: inProcess(photoCodec(nodePhotoWasm)) }, { compress: false });
  })();
  return forDev;
}
