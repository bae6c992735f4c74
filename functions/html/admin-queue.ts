import { regencies } from '../../src/core/reference.ts';
import { reportReasonLabels, type ReportReason } from '../../src/core/report.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import { categoryName, regencyName } from '../../src/lib/labels.ts';
import { QUEUE_LIMIT, type QueueFilter, type QueueItem } from '../../db/queries/review.ts';
import type { listOpenReports } from '../../db/queries/review.ts';
import { adminDate } from './admin-layout.ts';

export const duplicateLabel = { nib: 'NIB sama', 'whatsapp-name': 'WhatsApp sama, nama mirip' } as const;

/** The review queue: filters (a GET form, so a filtered queue can be bookmarked) and the waiting items, oldest first. */
export function renderQueue(filter: QueueFilter, items: QueueItem[]): string {
  const option = (value: string, label: string, selected: string | undefined) => `<option value="${value}"${selected === value ? ' selected' : ''}>${e(label)}</option>`;
  const rows = items
    .map(
      (item) => `<li class="card">
<h2><a href="/admin/umkm/${item.id}">${e(item.name)}</a></h2>
<p class="muted">${item.kind === 'baru' ? 'Pendaftaran baru' : 'Perubahan'} · ${e(categoryName(item.category))} · ${e(regencyName(item.regencyCode))} · masuk ${adminDate.format(item.submittedAt)} WIB${item.registeredBy ? ` · oleh pendamping ${e(item.registeredBy)}` : ''}</p>
${item.duplicates.length > 0 ? `<p>${item.duplicates.map((d) => `<span class="badge badge-warn">${duplicateLabel[d.reason]}: ${e(d.name)}</span>`).join(' ')}</p>` : ''}
</li>`,
    )
    .join('');
  return `<h1>Antrean verifikasi</h1>
<form method="get" action="/admin/antrean" class="admin-filters" role="search" aria-label="Saring antrean">
<div class="field"><label for="q-jenis">Jenis</label><select id="q-jenis" name="jenis">${option('', 'Semua', filter.kind ?? '')}${option('baru', 'Pendaftaran baru', filter.kind)}${option('ubah', 'Perubahan', filter.kind)}</select></div>
<div class="field"><label for="q-wilayah">Kabupaten/kota</label><select id="q-wilayah" name="wilayah">${option('', 'Semua', filter.regencyCode ?? '')}${regencies.map((r) => option(r.code, r.name, filter.regencyCode)).join('')}</select></div>
<div class="field"><label for="q-cari">Cari nama, NIB atau nomor WhatsApp</label><input id="q-cari" name="q" type="search" maxlength="100" value="${e(filter.q ?? '')}"></div>
<div class="field"><label class="check"><input type="checkbox" name="duplikat" value="1"${filter.duplicatesOnly ? ' checked' : ''}> Hanya yang diduga ganda</label></div>
<button type="submit" class="btn">Saring</button>
</form>
<p class="count" role="status">${items.length} menunggu keputusan${items.length >= QUEUE_LIMIT ? ` (${QUEUE_LIMIT} terlama; saring untuk melihat yang lain)` : ''}.</p>
${
  items.length === 0
    ? '<p>Tidak ada yang menunggu. Terima kasih!</p>'
    : `<ol class="admin-queue" aria-label="Menunggu keputusan, terlama lebih dulu">${rows}</ol>`
}`;
}

type OpenReport = Awaited<ReturnType<typeof listOpenReports>>[number];

/** Open problem reports, each linking to the listing where staff act on it. */
export function renderReports(reports: OpenReport[]): string {
  return `<h1>Laporan masalah</h1>
<p class="count" role="status">${reports.length} laporan terbuka.</p>
${
  reports.length === 0
    ? '<p>Tidak ada laporan terbuka.</p>'
    : `<ul class="admin-reports">${reports
        .map(
          (r) => `<li><a href="/admin/umkm/${r.msmeId}#laporan">${e(r.name)}</a>: <strong>${e(reportReasonLabels[r.reason as ReportReason] ?? r.reason)}</strong>
<span class="muted">· ${adminDate.format(r.createdAt)}</span>${r.message ? `<br>${e(r.message)}` : ''}</li>`,
        )
        .join('')}</ul>`
}`;
}
