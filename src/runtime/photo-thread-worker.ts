import { parentPort } from 'node:worker_threads';
import { photoCodec } from '../../functions/photo-codec.ts';
import { processPhoto } from '../../functions/photo-process.ts';
import { AppError } from '../core/errors.ts';
import { nodePhotoWasm } from './photo-wasm-node.ts';

/** The worker thread of src/runtime/photo-thread.ts: one photo at a time through the same code the Worker runs. */
const codec = photoCodec(nodePhotoWasm);

parentPort?.on('message', async (job: { id: number; bytes: Uint8Array; field: string }) => {
  try {
    const photo = await processPhoto(codec, job.bytes, job.field);
    parentPort?.postMessage({ id: job.id, photo }, photo.files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (error) {
    const refused = error instanceof AppError ? { code: error.code, message: error.message, fields: error.fields } : undefined;
    parentPort?.postMessage({ id: job.id, refused, failed: refused ? undefined : String((error as Error)?.stack ?? error) });
  }
});
