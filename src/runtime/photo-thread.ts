import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../core/errors.ts';
import type { PhotoProcessor, ProcessedPhoto } from '../../functions/photo-process.ts';

interface Answer {
  id: number;
  photo?: ProcessedPhoto;
  refused?: { code: ErrorCode; message: string; fields: FieldError[] };
  failed?: string;
}

/**
 * The photo processor of `npm start`: the codecs in one worker thread per server process,
 * started with the first photo and stopped after `idleMs` without one. Decoding a 12 MP
 * camera photo takes seconds of CPU and a few hundred MB that WebAssembly never hands back
 * while its instance lives: in a thread the process keeps answering pages meanwhile, photos
 * are done one at a time, and stopping the thread returns the memory.
 */
export function threadPhotoProcessor(options: { idleMs?: number } = {}): PhotoProcessor & { stop(): Promise<void> } {
  const idleMs = options.idleMs ?? 30_000;
  let worker: Worker | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (photo: ProcessedPhoto) => void; reject: (error: Error) => void }>();

  const stop = async () => {
    const stopping = worker;
    worker = undefined;
    if (idle) clearTimeout(idle);
    await stopping?.terminate();
  };
  const start = () => {
    const thread = new Worker(new URL('./photo-thread-worker.ts', import.meta.url));
    thread.unref();
    thread.on('message', (answer: Answer) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      if (answer.photo) job.resolve(answer.photo);
      else if (answer.refused) job.reject(new AppError(answer.refused.code, answer.refused.message, { fields: answer.refused.fields }));
      else job.reject(new Error(`Foto gagal diproses di thread: ${answer.failed ?? 'tanpa keterangan'}`));
      if (waiting.size === 0) idle = setTimeout(() => void stop(), idleMs).unref();
    });
    // A thread that dies (out of memory) fails what it held; the next photo starts a new one.
    thread.on('error', (error) => {
      if (worker === thread) worker = undefined;
      for (const [id, job] of waiting) {
        waiting.delete(id);
        job.reject(error);
      }
    });
    return thread;
  };

  const processor = (bytes: Uint8Array, field: string) =>
    new Promise<ProcessedPhoto>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      worker ??= start();
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const copy = bytes.slice();
      worker.postMessage({ id, bytes: copy, field }, [copy.buffer]);
    });
  return Object.assign(processor, { stop });
}
