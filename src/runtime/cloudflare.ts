import { createClient } from '@libsql/client/web';
import { parseEnv } from '../../functions/config.ts';
import { createDb } from '../../db/client.ts';
import { createPortalRuntime, type PortalRuntime } from './portal.ts';
import { r2FileStore, type R2Bucket } from './files-r2.ts';
import { photoCodec } from '../../functions/photo-codec.ts';
import { inProcess } from '../../functions/photo-process.ts';

let runtime: PortalRuntime | undefined;

/**
 * The largest photo the Worker decodes: 5 MP. An isolate has 128 MB; a 12 MP camera photo
 * needs about 470 MB to decode and scale (bench: npm run bench). The page shrinks photos to
 * 1,600 px (2 MP) before sending, so only a phone without JavaScript meets this limit, with
 * a message saying how to send a smaller photo.
 */
const WORKER_PHOTO_MAX_PIXELS = 5_000_000;

/**
 * The runtime on Cloudflare, built once per isolate: the settings from the Worker's
 * environment and a libSQL client over HTTP to Turso (the only kind a Worker can open).
 * Cached pages expire on their own (src/runtime/edge-cache.ts), so a change needs no call.
 */
export async function portalRuntime(): Promise<PortalRuntime> {
  if (runtime) return runtime;
  // Imported here, not at the top: the prerendering of static pages runs this module in Node.
  const { env } = await import('cloudflare:workers');
  const config = parseEnv(env as Record<string, unknown>);
  const client = createClient(config.DATABASE_AUTH_TOKEN ? { url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN } : { url: config.DATABASE_URL });
  const bucket = env['FILES'] as R2Bucket | undefined;
  runtime = createPortalRuntime({ db: createDb(client), config, files: bucket ? r2FileStore(bucket) : null, photos: inProcess(photoCodec(async () => (await import('./photo-wasm-cloudflare.ts')).workerPhotoWasm()), { maxPixels: WORKER_PHOTO_MAX_PIXELS }) }, { compress: false });
  return runtime;
}
