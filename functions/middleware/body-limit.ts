import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';

/** How much of a refused body is still read, so the connection stays usable; past this it is cut. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Refuses request bodies over `maxKb` with a 413 in Indonesian, before any parsing. Unlike
 * Hono's bodyLimit it reads the rest of a refused body (up to 1 MB): a body left unread on
 * a kept-alive connection broke the next request under workerd.
 */
export function bodyLimit(maxKb: number): MiddlewareHandler {
  const max = maxKb * 1024;
  const refuse = () => new AppError('PAYLOAD_TOO_LARGE', messages.payloadTooLarge(maxKb));
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(declared) <= max) return next();
      if (Number(declared) <= DRAIN_LIMIT) await c.req.raw.arrayBuffer().catch(() => undefined);
      else await body.cancel().catch(() => undefined);
      throw refuse();
    }
    // No declared length (chunked): count while reading, keep what fits, drain the rest.
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size <= max) chunks.push(value);
      else if (size > DRAIN_LIMIT) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    if (size > max) throw refuse();
    const buffer = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      buffer.set(chunk, offset);
      offset += chunk.length;
    }
    c.req.raw = new Request(c.req.raw, { body: buffer });
    return next();
  };
}
