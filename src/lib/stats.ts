import { regencies } from '../core/reference.ts';
import type { RegencyDigitalisation } from '../../db/queries/stats.ts';

export const statsCsvHeader = ['kode', 'kabupaten_kota', 'tayang', 'di_marketplace', 'nib_terverifikasi', 'umkm_juara', 'baru_30_hari', 'menunggu_verifikasi'];

/** Every kabupaten/kota in reference order, with zeros where nothing is registered yet. */
export function statsRows(rows: RegencyDigitalisation[]) {
  const byCode = new Map(rows.map((r) => [r.regencyCode, r]));
  return regencies.map((r) => {
    const row = byCode.get(r.code);
    return {
      code: r.code,
      name: r.name,
      published: Number(row?.published ?? 0),
      onMarketplace: Number(row?.onMarketplace ?? 0),
      verified: Number(row?.verified ?? 0),
      juara: Number(row?.juara ?? 0),
      new30: Number(row?.new30 ?? 0),
      pending: Number(row?.pending ?? 0),
    };
  });
}

/** The province's totals of the rows. */
export function statsTotal(rows: ReturnType<typeof statsRows>) {
  return rows.reduce(
    (t, r) => ({ published: t.published + r.published, onMarketplace: t.onMarketplace + r.onMarketplace, verified: t.verified + r.verified, juara: t.juara + r.juara, new30: t.new30 + r.new30, pending: t.pending + r.pending }),
    { published: 0, onMarketplace: 0, verified: 0, juara: 0, new30: 0, pending: 0 },
  );
}
