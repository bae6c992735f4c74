import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { checkKey, type FileInfo, type FileStore } from '../../functions/files.ts';
import type { Config } from '../../functions/config.ts';
import { filePath } from '../../db/local-client.ts';

/** The files folder of a Node portal: FILES_DIR, or files/ beside a local database file (db/files/ for db/etalase.db), else .files/. */
export function filesDirFor(config: Pick<Config, 'DATABASE_URL' | 'FILES_DIR'>): string {
  if (config.FILES_DIR) return config.FILES_DIR;
  const path = config.DATABASE_URL.startsWith('file:') ? filePath(config.DATABASE_URL) : '';
  return path && path !== ':memory:' ? join(dirname(path), 'files') : '.files';
}

/** What is kept beside each file: its type and validator (the folder itself keeps only bytes and times). */
interface Meta { contentType: string; etag: string; size: number; uploaded: string }

const META = '.meta.json';

/**
 * The FileStore of `npm start`: a folder beside the database (db/files/ for
 * db/etalase.db). Each file is written to a temporary name and renamed over the old one,
 * so a reader in another server process never sees half a file; its SHA-256 is its ETag.
 */
export function folderFileStore(root: string): FileStore {
  const path = (key: string) => join(root, ...checkKey(key).split('/'));
  const readMeta = async (key: string): Promise<FileInfo | null> => {
    try {
      const meta = JSON.parse(await readFile(path(key) + META, 'utf8')) as Meta;
      await stat(path(key));
      return { key, size: meta.size, etag: meta.etag, contentType: meta.contentType, uploaded: new Date(meta.uploaded) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    async put(key, body, options) {
      const target = path(key);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const hash = createHash('sha256');
      let size = 0;
      const source = typeof body === 'string' || body instanceof Uint8Array ? new Blob([body as string | Uint8Array<ArrayBuffer>]).stream() : body;
      const counting = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          hash.update(chunk);
          size += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const out = createWriteStream(temp);
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      try {
        await source.pipeThrough(counting).pipeTo(Writable.toWeb(out) as WritableStream<Uint8Array>);
        const info: FileInfo = { key, size, etag: `"${hash.digest('hex').slice(0, 32)}"`, contentType: options.contentType, uploaded: new Date() };
        await writeFile(`${temp}${META}`, JSON.stringify({ contentType: info.contentType, etag: info.etag, size, uploaded: info.uploaded.toISOString() } satisfies Meta));
        // The file first, then its facts: a reader between the two renames gets the new bytes with the old ETag at worst, and asks again.
        await rename(temp, target);
        await rename(`${temp}${META}`, target + META);
        return info;
      } catch (error) {
        // The file may still be opening or flushing when the source fails: removed only once closed.
        out.destroy();
        await closed;
        await rm(temp, { force: true });
        await rm(`${temp}${META}`, { force: true });
        throw error;
      }
    },
    async get(key) {
      const info = await readMeta(key);
      if (!info) return null;
      return { ...info, body: Readable.toWeb(createReadStream(path(key))) as ReadableStream<Uint8Array> };
    },
    head: readMeta,
    async delete(key) {
      await rm(path(key), { force: true });
      await rm(path(key) + META, { force: true });
    },
    async list(prefix) {
      const dir = join(root, ...prefix.split('/').slice(0, -1));
      let names: string[];
      try {
        names = (await readdir(dir, { recursive: true })).map(String);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const keys = names.map((n) => relative(root, join(dir, n)).split(sep).join('/')).filter((k) => k.startsWith(prefix) && !k.endsWith(META) && !k.endsWith('.tmp'));
      const found = await Promise.all(keys.sort().map(readMeta));
      return found.filter((f): f is FileInfo => f !== null);
    },
  };
}
