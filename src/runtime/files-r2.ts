import { checkKey, type FileInfo, type FileStore } from '../../functions/files.ts';

/** The parts of Cloudflare's R2 bucket binding the portal uses (see the Workers R2 API). */
interface R2Object { key: string; size: number; httpEtag: string; uploaded: Date; httpMetadata?: { contentType?: string } }
interface R2ObjectBody extends R2Object { body: ReadableStream<Uint8Array> }
interface R2UploadedPart { partNumber: number; etag: string }
interface R2MultipartUpload { uploadPart(partNumber: number, value: Uint8Array): Promise<R2UploadedPart>; complete(parts: R2UploadedPart[]): Promise<R2Object>; abort(): Promise<void> }
export interface R2Bucket {
  put(key: string, value: Uint8Array | string, options?: { httpMetadata?: { contentType?: string } }): Promise<R2Object>;
  get(key: string): Promise<R2ObjectBody | null>;
  head(key: string): Promise<R2Object | null>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string; cursor?: string }): Promise<{ objects: R2Object[]; truncated: boolean; cursor?: string }>;
  createMultipartUpload(key: string, options?: { httpMetadata?: { contentType?: string } }): Promise<R2MultipartUpload>;
}

/** R2 wants every part but the last of one size, at least 5 MiB; 8 MiB keeps a Worker's memory small. */
const PART = 8 * 1024 * 1024;

const infoOf = (o: R2Object): FileInfo => ({ key: o.key, size: o.size, etag: o.httpEtag, uploaded: o.uploaded, contentType: o.httpMetadata?.contentType ?? 'application/octet-stream' });

/**
 * The FileStore on Cloudflare: an R2 bucket (binding FILES in wrangler.toml). A stream of
 * unknown length (a gzip snapshot) goes up as a multipart upload in 8 MiB parts, so a
 * 300 MB file never sits in the Worker's 128 MB of memory.
 */
export function r2FileStore(bucket: R2Bucket): FileStore {
  return {
    async put(key, body, options) {
      const httpMetadata = { contentType: options.contentType };
      if (typeof body === 'string' || body instanceof Uint8Array) return infoOf(await bucket.put(checkKey(key), body, { httpMetadata }));
      const reader = body.getReader();
      let buffer = new Uint8Array(PART);
      let filled = 0;
      let upload: R2MultipartUpload | undefined;
      const parts: R2UploadedPart[] = [];
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          let offset = 0;
          while (offset < value.byteLength) {
            const n = Math.min(PART - filled, value.byteLength - offset);
            buffer.set(value.subarray(offset, offset + n), filled);
            filled += n;
            offset += n;
            if (filled === PART) {
              upload ??= await bucket.createMultipartUpload(checkKey(key), { httpMetadata });
              parts.push(await upload.uploadPart(parts.length + 1, buffer));
              buffer = new Uint8Array(PART);
              filled = 0;
            }
          }
        }
        if (!upload) return infoOf(await bucket.put(checkKey(key), buffer.subarray(0, filled), { httpMetadata }));
        if (filled > 0) parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
        return infoOf(await upload.complete(parts));
      } catch (error) {
        await upload?.abort();
        throw error;
      }
    },
    async get(key) {
      const o = await bucket.get(checkKey(key));
      return o ? { ...infoOf(o), body: o.body } : null;
    },
    async head(key) {
      const o = await bucket.head(checkKey(key));
      return o ? infoOf(o) : null;
    },
    delete: (key) => bucket.delete(checkKey(key)),
    async list(prefix) {
      const out: FileInfo[] = [];
      let cursor: string | undefined;
      do {
        const page = await bucket.list(cursor ? { prefix, cursor } : { prefix });
        out.push(...page.objects.map(infoOf));
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return out;
    },
  };
}
