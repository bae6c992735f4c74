/**
 * Where the portal keeps files that are not rows: the open-data snapshots today (and
 * photos later). Injected like the database: a folder beside the database on Node
 * (src/runtime/files-folder.ts), an R2 bucket binding on Cloudflare (src/runtime/files-r2.ts).
 */
export interface FileStore {
  /** Writes a whole file; a reader sees the old file or the new one, never part of one. */
  put(key: string, body: ReadableStream<Uint8Array> | Uint8Array | string, options: { contentType: string }): Promise<FileInfo>;
  /** The file with its body, or null. */
  get(key: string): Promise<StoredFile | null>;
  /** The file's facts without its body, or null. */
  head(key: string): Promise<FileInfo | null>;
  delete(key: string): Promise<void>;
  /** Files whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<FileInfo[]>;
}

export interface FileInfo {
  key: string;
  size: number;
  /** A strong validator of the content, quoted as HTTP wants it ("…"). */
  etag: string;
  uploaded: Date;
  contentType: string;
}

export interface StoredFile extends FileInfo {
  body: ReadableStream<Uint8Array>;
}

/** Keys are plain paths the portal makes itself; anything else is a bug, refused before it reaches a disk or bucket. */
export function checkKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/.test(key) || key.includes('..') || key.length > 200) throw new Error(`kunci berkas tidak sah: ${JSON.stringify(key)}`);
  return key;
}
