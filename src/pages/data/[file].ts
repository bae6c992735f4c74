import type { APIRoute } from 'astro';
import { fileResponse } from '../../lib/file-response.ts';
import { latestOpenData, OPEN_DATA_NAME, snapshotKey, type OpenDataFormat } from '../../../functions/services/open-data.ts';

/**
 * The open-data snapshots: /data/umkm-jabar.csv.gz and .json.gz are the newest,
 * /data/umkm-jabar-2026-12-02.csv.gz a dated one (the last 7 days are kept). Served from the
 * file store with ETag and Last-Modified, so a harvester asking again gets 304.
 */
export const prerender = false;

const NAME = new RegExp(`^${OPEN_DATA_NAME}(?:-(\\d{4}-\\d{2}-\\d{2}))?\\.(csv|json)\\.gz$`);
const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const GET: APIRoute = async ({ params, request, locals }) => {
  const match = NAME.exec(params.file ?? '');
  if (!match) return text(404, `Berkas tidak ditemukan. Yang ada: ${OPEN_DATA_NAME}.csv.gz dan ${OPEN_DATA_NAME}.json.gz (terbaru), atau ${OPEN_DATA_NAME}-TTTT-BB-HH.csv.gz untuk tanggal tertentu dalam 7 hari terakhir. Lihat /data/.`);
  const { files } = locals.portal.deps;
  if (!files) return text(503, 'Penyimpanan berkas belum disiapkan di server ini, jadi data terbuka belum tersedia.');
  const format = match[2] as OpenDataFormat;
  const date = match[1] ?? (await latestOpenData(files))?.date;
  if (!date) return text(404, 'Belum ada snapshot data terbuka. Snapshot dibuat setiap hari; coba lagi nanti.');
  const file = await files.get(snapshotKey(date, format));
  if (!file) return text(404, `Tidak ada snapshot tanggal ${date}. Snapshot disimpan 7 hari; lihat /data/ untuk yang terbaru.`);
  const headers = new Headers({
    'content-type': 'application/gzip',
    // The newest may change tomorrow; a dated one never changes.
    'cache-control': match[1] ? 'public, max-age=86400, immutable' : 'public, max-age=3600',
    'content-disposition': `attachment; filename="${OPEN_DATA_NAME}-${date}.${format}.gz"`,
  });
  return fileResponse(file, request, headers);
};
