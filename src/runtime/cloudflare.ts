import { createClient } from '@libsql/client/web';
import { parseEnv } from '../../functions/config.ts';
import { createDb } from '../../db/client.ts';
import { createPortalRuntime, type PortalRuntime } from './portal.ts';
import { r2FileStore, type R2Bucket } from './files-r2.ts';
import { photoCodec } from '../../functions/photo-codec.ts';

let runtime: PortalRuntime | undefined;

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
  runtime = createPortalRuntime({ db: createDb(client), config, files: bucket ? r2FileStore(bucket) : null, photos: photoCodec(async () => (await import('./photo-wasm-cloudflare.ts')).workerPhotoWasm()) }, { compress: false });
  return runtime;
}
