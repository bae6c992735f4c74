import { regencies } from '../../src/core/reference.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import type { RegencyDigitalisation } from '../../db/queries/stats.ts';

const number = new Intl.NumberFormat('id-ID');
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });

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

type Row = ReturnType<typeof statsRows>[number];

const share = (part: number, whole: number) =>
  whole === 0 ? '–' : `${percent.format(part / whole)} <meter min="0" max="${whole}" value="${part}" aria-hidden="true"></meter>`;

/** Digitalisation per kabupaten/kota and the province's monthly growth, for Dinas KUMKM staff. */
export function renderStats(rows: Row[], months: { month: string; published: number }[]): string {
  const total = rows.reduce(
    (t, r) => ({ published: t.published + r.published, onMarketplace: t.onMarketplace + r.onMarketplace, verified: t.verified + r.verified, juara: t.juara + r.juara, new30: t.new30 + r.new30, pending: t.pending + r.pending }),
    { published: 0, onMarketplace: 0, verified: 0, juara: 0, new30: 0, pending: 0 },
  );
  const cells = (r: Omit<Row, 'code' | 'name'>) =>
    `<td>${number.format(r.published)}</td><td>${number.format(r.onMarketplace)} · ${share(r.onMarketplace, r.published)}</td><td>${number.format(r.verified)}</td><td>${number.format(r.juara)}</td><td>${number.format(r.new30)}</td><td>${number.format(r.pending)}</td>`;
  const peak = Math.max(1, ...months.map((m) => m.published));
  return `<h1>Statistik digitalisasi UMKM</h1>
<p>Listing di Etalase Jabar per kabupaten/kota. "Di marketplace": punya toko di sedikitnya satu marketplace (bukan hanya media sosial atau layanan pesan-antar makanan).</p>
<p><a class="btn" href="/admin/statistik?format=csv" download>Unduh CSV</a></p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Statistik per kabupaten/kota"><table class="admin-table">
<thead><tr><th scope="col">Kabupaten/kota</th><th scope="col">Tayang</th><th scope="col">Di marketplace</th><th scope="col">NIB terverifikasi</th><th scope="col">UMKM Juara</th><th scope="col">Baru 30 hari</th><th scope="col">Menunggu verifikasi</th></tr></thead>
<tbody>${rows.map((r) => `<tr><th scope="row">${e(r.name)}</th>${cells(r)}</tr>`).join('')}</tbody>
<tfoot><tr><th scope="row">Jawa Barat</th>${cells(total)}</tr></tfoot>
</table></div>
<h2>Listing tayang baru per bulan</h2>
<table class="admin-table admin-table-narrow">
<thead><tr><th scope="col">Bulan</th><th scope="col">Listing baru</th></tr></thead>
<tbody>${months
    .map((m) => `<tr><th scope="row">${monthName.format(new Date(`${m.month}-01T00:00:00Z`))}</th><td>${number.format(m.published)} <meter min="0" max="${peak}" value="${m.published}" aria-hidden="true"></meter></td></tr>`)
    .join('')}</tbody></table>`;
}
