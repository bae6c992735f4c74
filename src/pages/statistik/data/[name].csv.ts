import type { APIRoute } from 'astro';
import { toCsv } from '../../../core/csv.ts';
import { pageTags } from '../../../core/page-tags.ts';
import { cachePage } from '../../../lib/page-cache.ts';
import { monthCsvHeader, monthCsvRow, placeCsvHeader, placeCsvRow, regencyOfSegment, wibMonth } from '../../../lib/public-stats.ts';
import { statsPageData } from '../../../lib/stats-page.ts';

/**
 * Each /statistik chart's numbers as CSV: wilayah.csv (per kabupaten/kota), bulanan.csv
 * (per month), and for one kabupaten/kota kecamatan-32-73.csv and bulanan-32-73.csv.
 */
export const prerender = false;

export const GET: APIRoute = async (context) => {
  const match = /^(wilayah|bulanan|kecamatan)(?:-(\d{2}-\d{2}))?$/.exec(context.params.name ?? '');
  const regency = match?.[2] ? regencyOfSegment(match[2]) : undefined;
  const table = match?.[1];
  if (!match || (match[2] && !regency) || (table === 'kecamatan') !== Boolean(regency) && table !== 'bulanan') {
    return new Response('Tabel statistik tidak ditemukan. Yang ada: wilayah.csv, bulanan.csv, kecamatan-32-73.csv, bulanan-32-73.csv (kode Kemendagri kabupaten/kota).\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const { db, clock } = context.locals.portal.deps;
  const now = clock();
  const data = await statsPageData(db, now, regency);
  const csv = table === 'bulanan' ? toCsv(monthCsvHeader, data.months.map(monthCsvRow)) : toCsv(placeCsvHeader, [...data.places, data.total].map(placeCsvRow), { text: [0] });
  cachePage(context, regency ? [pageTags.directory, pageTags.regency(regency.code)] : [pageTags.directory]);
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="statistik-umkm-${context.params.name}-${wibMonth(now)}.csv"` },
  });
};
