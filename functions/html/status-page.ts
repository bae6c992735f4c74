import { escapeHtml as e } from '../../src/core/text.ts';
import { formatDateTime } from '../../src/lib/labels.ts';

export interface StatusView {
  slug: string;
  name: string;
  status: string;
  rejectionReason: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}


const statusText: Record<string, { label: string; explain: string }> = {
  pending: {
    label: 'Menunggu verifikasi',
    explain: 'Petugas Dinas KUMKM akan memeriksa data Anda, biasanya dalam 1–3 hari kerja. Setelah disetujui, profil usaha tampil di Etalase Jabar.',
  },
  published: { label: 'Tayang', explain: 'Profil usaha Anda sudah tampil di Etalase Jabar.' },
  rejected: { label: 'Ditolak', explain: 'Pendaftaran belum dapat ditampilkan.' },
  removed: { label: 'Dihapus', explain: 'Listing ini sudah dihapus atas permintaan pemilik.' },
};

/** The owner's status page body. */
export function renderStatusPage(view: StatusView, statusUrl: string, justRegistered: boolean): string {
  const s = statusText[view.status] ?? { label: view.status, explain: '' };
  return `<section class="status-page">
<h1>${justRegistered ? 'Pendaftaran terkirim' : 'Status pendaftaran'}</h1>
<p class="status-name">${e(view.name)}</p>
<p class="status-badge status-${e(view.status)}" data-status="${e(view.status)}">Status: <strong>${s.label}</strong></p>
<p>${s.explain}</p>
${view.status === 'rejected' && view.rejectionReason ? `<p><strong>Alasan:</strong> ${e(view.rejectionReason)}</p>` : ''}
${view.status === 'published' ? `<p><a class="btn" href="/umkm/${e(view.slug)}/">Lihat profil usaha</a> <a class="btn" href="/poster/${e(view.slug)}?ukuran=a4">Cetak poster A4</a> <a class="btn" href="/poster/${e(view.slug)}?ukuran=a6">Label A6</a></p>` : ''}
<div class="save-link">
<h2>Simpan tautan ini</h2>
<p>Ini tautan pribadi untuk melihat status, mengubah, atau menghapus listing Anda. Jangan bagikan ke orang lain. Tautan yang hilang hanya dapat diganti melalui petugas.</p>
${privateLinkField(statusUrl, 'Tautan status pribadi')}
</div>
<p class="muted">Didaftarkan ${formatDateTime(view.createdAt)} WIB${view.publishedAt ? `, tayang ${formatDateTime(view.publishedAt)} WIB` : ''}.</p>
</section>`;
}

/** An owner's private link, ready to copy: a read-only field and a "Salin" button (src/scripts/copy-link.ts). */
export function privateLinkField(statusUrl: string, label: string): string {
  return `<p><label for="private-link">${e(label)}</label><br><input id="private-link" type="text" readonly value="${e(statusUrl)}" class="copy-field" data-copy-source>
<button type="button" class="btn" data-copy-button hidden>Salin tautan</button></p>`;
}
