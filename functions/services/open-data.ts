import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { allPublishedMsmes, type PublicMsme } from '../../db/queries/msmes.ts';
import { onWibClock } from '../../src/core/dates.ts';
import { openDataCsvHeader, openDataCsvLine, openDataRecord } from '../../src/core/open-data.ts';
import type { FileInfo, FileStore } from '../files.ts';

/** Where the snapshots live in the file store, and the name people download them by. */
export const OPEN_DATA_DIR = 'data-terbuka';
export const OPEN_DATA_NAME = 'umkm-jabar';
const MANIFEST = `${OPEN_DATA_DIR}/terbaru.json`;
/** Listings read (and written) at a time: small pages keep the process's memory low at any size. */
const PAGE = 500;
/** Dated snapshots kept besides the newest. */
const KEEP_DAYS = 7;

export type OpenDataFormat = 'csv' | 'json';

/** What /data/ and the downloads read: the newest snapshot's date, rows and files. */
export interface OpenDataManifest {
  date: string;
  generatedAt: string;
  rows: number;
  seconds: number;
  files: Record<OpenDataFormat, FileInfo>;
}

/** The file store key of a snapshot: data-terbuka/umkm-jabar-2026-12-02.csv.gz. */
export const snapshotKey = (date: string, format: OpenDataFormat) => `${OPEN_DATA_DIR}/${OPEN_DATA_NAME}-${date}.${format}.gz`;

/** The newest snapshot, or null if none was made yet. */
export async function latestOpenData(files: FileStore): Promise<OpenDataManifest | null> {
  const file = await files.get(MANIFEST);
  if (!file) return null;
  const manifest = JSON.parse(await new Response(file.body).text()) as OpenDataManifest;
  for (const f of Object.values(manifest.files)) f.uploaded = new Date(f.uploaded);
  return manifest;
}

/** Text written to it comes out gzip-compressed, as bytes for the file store. */
function gzipText() {
  const text = new TransformStream<string, string>();
  return { writer: text.writable.getWriter(), bytes: text.readable.pipeThrough(new TextEncoderStream()).pipeThrough(new CompressionStream('gzip')) as ReadableStream<Uint8Array> };
}

/**
 * Writes today's open-data snapshot (Asia/Jakarta date): every published listing's public
 * fields as gzip CSV and gzip JSON, streamed from the database in pages of 500 listings
 * (bounded memory at any size), then the manifest that makes it the newest, then drops
 * dated snapshots older than a week. Run daily by `npm start`'s main process and by
 * `npm run data:export` on Node, by a Cron Trigger on Cloudflare.
 */
export async function exportOpenData(input: { db: Db; files: FileStore; site: string; now: Date; signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void }): Promise<OpenDataManifest> {
  const { db, files, site, now } = input;
  const started = Date.now();
  const date = onWibClock(now).toISOString().slice(0, 10);
  const [{ total }] = (await db.all<{ total: number }>(sql`SELECT count(*) AS total FROM msmes WHERE status = 'published'`)) as [{ total: number }];
  // One read of the listings feeds both files, each written to the store as it is compressed.
  const csv = gzipText();
  const json = gzipText();
  const stored = Promise.all([files.put(snapshotKey(date, 'csv'), csv.bytes, { contentType: 'application/gzip' }), files.put(snapshotKey(date, 'json'), json.bytes, { contentType: 'application/gzip' })]);
  let rows = 0;
  let pages = 0;
  try {
    await Promise.all([csv.writer.write(openDataCsvHeader), json.writer.write('[')]);
    for await (const page of allPublishedMsmes(db, PAGE)) {
      // Stopping the server stops a snapshot between pages; the half-written files are dropped.
      input.signal?.throwIfAborted();
      const csvText = page.map((m: PublicMsme) => openDataCsvLine(m, site)).join('');
      const jsonText = page.map((m: PublicMsme, i) => `${rows + i === 0 ? '' : ','}\n${JSON.stringify(openDataRecord(m, site))}`).join('');
      await Promise.all([csv.writer.write(csvText), json.writer.write(jsonText)]);
      rows += page.length;
      input.onProgress?.({ done: rows, total: Number(total) });
      // The libSQL driver frees a statement's native memory only when V8 collects it; with
      // --expose-gc (npm run data:export) collect every 10 pages so memory stays flat.
      if (++pages % 10 === 0) (globalThis as { gc?: () => void }).gc?.();
    }
    await json.writer.write('\n]\n');
    await Promise.all([csv.writer.close(), json.writer.close()]);
  } catch (error) {
    await Promise.all([csv.writer.abort(error), json.writer.abort(error)]).catch(() => {});
    await stored.catch(() => {});
    throw error;
  }
  const [csvInfo, jsonInfo] = await stored;
  const written: Record<OpenDataFormat, FileInfo> = { csv: csvInfo, json: jsonInfo };
  const manifest: OpenDataManifest = { date, generatedAt: now.toISOString(), rows, seconds: Math.round((Date.now() - started) / 100) / 10, files: written };
  await files.put(MANIFEST, JSON.stringify(manifest), { contentType: 'application/json' });
  const oldest = onWibClock(new Date(now.getTime() - KEEP_DAYS * 86_400_000)).toISOString().slice(0, 10);
  for (const f of await files.list(`${OPEN_DATA_DIR}/${OPEN_DATA_NAME}-`)) {
    const day = /-(\d{4}-\d{2}-\d{2})\./.exec(f.key)?.[1];
    if (day && day < oldest) await files.delete(f.key);
  }
  return manifest;
}

/** Whether the newest snapshot is from before today (Asia/Jakarta), so a daily run should make one. */
export async function openDataDue(files: FileStore, now: Date): Promise<boolean> {
  const latest = await latestOpenData(files);
  return !latest || latest.date < onWibClock(now).toISOString().slice(0, 10);
}
