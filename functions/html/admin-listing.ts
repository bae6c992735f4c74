import { describeListing, diffListing } from '../../src/core/listing-diff.ts';
import { reportReasonLabels, type ReportReason } from '../../src/core/report.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import { verificationLabel } from '../../src/lib/labels.ts';
import type { ReviewItem } from '../../db/queries/review.ts';
import { adminDate, csrfField } from './admin-layout.ts';
import { duplicateLabel } from './admin-queue.ts';
import type { StaffSession } from '../middleware/staff-session.ts';

const statusLabel: Record<string, string> = { pending: 'Menunggu verifikasi', published: 'Tayang', rejected: 'Ditolak', removed: 'Dihapus' };

export const auditLabel: Record<string, string> = {
  register: 'Didaftarkan',
  'owner-edit': 'Diubah pemilik',
  'owner-remove': 'Dihapus pemilik',
  approve: 'Disetujui',
  'approve-edit': 'Perubahan disetujui',
  reject: 'Ditolak',
  'reject-edit': 'Perubahan ditolak',
  'verify-nib': 'NIB diverifikasi',
  'mark-juara': 'Ditandai UMKM Juara',
  'unmark-juara': 'Tanda UMKM Juara dicabut',
  'close-report': 'Laporan ditutup',
  'reissue-link': 'Tautan pribadi diganti',
};

/** Who did it, as a person reads it: the owner, a staff account, or the system. */
const actorLabel = (actor: string) => (actor === 'owner' ? 'Pemilik (tautan pribadi)' : actor.startsWith('staf:') ? actor.slice(5) : actor);

/** Text with its line breaks kept. */
const lines = (text: string) => e(text).replace(/\n/g, '<br>');

/**
 * One side of a changed field, line by line (store links and products are one per line):
 * lines the other side lacks are marked as removed or added, shared lines stay plain.
 */
function changedLines(text: string, other: string, mark: 'del' | 'ins'): string {
  if (text === '') return '<span class="muted">(kosong)</span>';
  const others = new Set(other.split('\n'));
  return text
    .split('\n')
    .map((line) => (others.has(line) ? e(line) : `<${mark}>${e(line)}</${mark}>`))
    .join('<br>');
}

function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const parts: string[] = [];
  if (typeof detail['reason'] === 'string') parts.push(`alasan: ${detail['reason']}`);
  if (typeof detail['note'] === 'string') parts.push(`catatan: ${detail['note']}`);
  if (typeof detail['nib'] === 'string') parts.push(`NIB ${detail['nib']}`);
  if (detail['nibChanged'] === true) parts.push('NIB berubah, verifikasi NIB dicabut');
  if (typeof detail['consent'] === 'string') parts.push(detail['consent']);
  return e(parts.join('; '));
}

/**
 * One listing for a reviewer: what waits (a new registration in full, or an edit as a diff
 * against what is published), duplicate flags, the decisions, reports and the audit trail.
 */
export function renderReviewItem(item: ReviewItem, session: StaffSession): string {
  const m = item.listing;
  const base = `/admin/umkm/${m.id}`;
  const hidden = `${csrfField(session)}<input type="hidden" name="version" value="${m.version}">`;
  const waiting = m.status === 'pending' ? 'baru' : item.proposed ? 'ubah' : undefined;

  const changes = item.proposed ? diffListing(item.current, item.proposed) : [];
  const review =
    waiting === 'ubah'
      ? `<section aria-labelledby="h-diff"><h2 id="h-diff">Perubahan yang diusulkan pemilik</h2>
<p class="muted">Dikirim ${item.revisionAt ? adminDate.format(item.revisionAt) : ''} WIB. Profil yang tayang tetap seperti kolom "Sekarang" sampai disetujui.</p>
${
  changes.length === 0
    ? '<p>Tidak ada kolom yang berbeda dari yang tayang.</p>'
    : `<div class="table-scroll" tabindex="0" role="region" aria-label="Perbandingan data tayang dan usulan"><table class="admin-table diff"><thead><tr><th scope="col">Kolom</th><th scope="col">Sekarang tayang</th><th scope="col">Usulan</th></tr></thead><tbody>${changes
        .map((c) => `<tr><th scope="row">${e(c.label)}</th><td>${changedLines(c.before, c.after, 'del')}</td><td>${changedLines(c.after, c.before, 'ins')}</td></tr>`)
        .join('')}</tbody></table></div>`
}</section>`
      : `<section aria-labelledby="h-data"><h2 id="h-data">Data ${m.status === 'pending' ? 'yang didaftarkan' : 'listing'}</h2>
<dl class="facts admin-facts">${describeListing(item.current)
          .map((f) => `<dt>${e(f.label)}</dt><dd>${lines(f.value) || '<span class="muted">(kosong)</span>'}</dd>`)
          .join('')}</dl></section>`;

  const decisions = waiting
    ? `<section aria-labelledby="h-decide" class="admin-decide"><h2 id="h-decide">Keputusan</h2>
<form method="post" action="${base}/setujui">${hidden}<button type="submit" class="btn btn-primary">${waiting === 'baru' ? 'Setujui dan tayangkan' : 'Setujui perubahan'}</button></form>
<form method="post" action="${base}/tolak" class="reg-form">${hidden}
<div class="field"><label for="f-reason">Alasan penolakan (dibaca pemilik)</label>
<p class="hint" id="f-reason-hint">Tulis apa yang perlu diperbaiki, misalnya "Tautan Shopee tidak mengarah ke toko Anda."</p>
<textarea id="f-reason" name="reason" rows="3" maxlength="500" required aria-describedby="f-reason-hint"></textarea></div>
<button type="submit" class="btn btn-danger">Tolak</button></form></section>`
    : '';

  const tools =
    m.status === 'removed'
      ? ''
      : `<section aria-labelledby="h-verify"><h2 id="h-verify">Verifikasi dan program</h2>
<p>Tingkat verifikasi: <strong>${e(verificationLabel[m.verification] ?? m.verification)}</strong>${m.verifiedAt ? `, terakhir ${adminDate.format(m.verifiedAt)} WIB` : ''}.</p>
${
  m.nib
    ? m.nibVerifiedAt
      ? `<p>NIB ${e(m.nib)} terverifikasi sejak ${adminDate.format(m.nibVerifiedAt)} WIB.</p>`
      : `<form method="post" action="${base}/nib">${hidden}<p>NIB ${e(m.nib)} belum diverifikasi.</p><button type="submit" class="btn">Tandai NIB terverifikasi (sudah dicocokkan dengan OSS)</button></form>`
    : '<p>Listing ini tidak mencantumkan NIB.</p>'
}
<form method="post" action="${base}/juara">${hidden}<input type="hidden" name="juara" value="${m.isJuara ? '0' : '1'}">
<p>${m.isJuara ? 'Peserta program UMKM Juara.' : 'Belum ditandai sebagai peserta UMKM Juara.'}</p>
<button type="submit" class="btn">${m.isJuara ? 'Cabut tanda UMKM Juara' : 'Tandai peserta UMKM Juara'}</button></form></section>`;

  const reissue =
    m.status === 'removed'
      ? ''
      : `<section aria-labelledby="h-link"><h2 id="h-link">Tautan pribadi pemilik hilang?</h2>
<p>Buat tautan baru hanya setelah memastikan yang meminta benar pemilik usaha (misalnya menghubungi nomor WhatsApp usaha yang terdaftar). Tautan lama langsung tidak berlaku.</p>
<form method="post" action="${base}/tautan" class="reg-form">${hidden}
<div class="field"><label for="f-link-note">Cara memastikan pemilik</label><input id="f-link-note" name="note" maxlength="300" required></div>
<button type="submit" class="btn">Buat tautan pribadi baru</button></form></section>`;

  const duplicates =
    item.duplicates.length > 0
      ? `<section class="notice notice-error" aria-labelledby="h-dup"><h2 id="h-dup">Diduga ganda</h2><ul>${item.duplicates
          .map((d) => `<li>${duplicateLabel[d.reason]}: <a href="/admin/umkm/${d.id}">${e(d.name)}</a> (${e(statusLabel[d.status] ?? d.status)})</li>`)
          .join('')}</ul><p>Periksa sebelum menyetujui; satu pemilik boleh punya dua usaha yang berbeda.</p></section>`
      : '';

  const reports = `<section aria-labelledby="laporan" id="laporan-bagian"><h2 id="laporan">Laporan masalah terbuka</h2>${
    item.reports.length === 0
      ? '<p>Tidak ada.</p>'
      : `<ul class="admin-reports">${item.reports
          .map(
            (r) => `<li><strong>${e(reportReasonLabels[r.reason as ReportReason] ?? r.reason)}</strong> <span class="muted">· ${adminDate.format(r.createdAt)}</span>
${r.message ? `<p>${lines(r.message)}</p>` : ''}${r.contact ? `<p class="muted">Kontak pelapor: ${e(r.contact)}</p>` : ''}
<form method="post" action="/admin/laporan/${r.id}/tutup" class="reg-form">${csrfField(session)}
<div class="field"><label for="f-note-${r.id}">Tindakan yang diambil</label><input id="f-note-${r.id}" name="note" maxlength="300" required></div>
<button type="submit" class="btn">Tutup laporan</button></form></li>`,
          )
          .join('')}</ul>`
  }</section>`;

  const audit = `<section aria-labelledby="h-audit"><h2 id="h-audit">Riwayat (log audit)</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="Log audit"><table class="admin-table"><thead><tr><th scope="col">Waktu (WIB)</th><th scope="col">Tindakan</th><th scope="col">Oleh</th><th scope="col">Keterangan</th></tr></thead><tbody>${item.audit
    .map((a) => `<tr><td>${adminDate.format(a.at)}</td><td>${e(auditLabel[a.action] ?? a.action)}</td><td>${e(actorLabel(a.actor))}</td><td>${detailText(a.detail)}</td></tr>`)
    .join('')}</tbody></table></div></section>`;

  return `<p><a href="/admin/antrean">← Kembali ke antrean</a></p>
<h1>${e(m.name)}</h1>
<p class="status-badge status-${e(m.status)}">Status: <strong>${e(statusLabel[m.status] ?? m.status)}</strong>${waiting === 'ubah' ? ' · ada perubahan menunggu' : ''}</p>
<p class="muted">Didaftarkan ${adminDate.format(m.createdAt)} WIB${item.registeredBy ? ` oleh pendamping ${e(item.registeredBy)}` : ' oleh pemilik'}${m.consentRecord ? `; persetujuan pemilik ${e(m.consentRecord.ownerName)} (${e(m.consentRecord.method)}, ${e(m.consentRecord.at)})` : ''}. Versi ${m.version}.${m.status === 'published' ? ` <a href="/umkm/${e(m.slug)}/">Lihat profil publik</a>` : ''}</p>
${m.status === 'rejected' && m.rejectionReason ? `<p><strong>Alasan penolakan:</strong> ${e(m.rejectionReason)}</p>` : ''}
${duplicates}${review}${decisions}${tools}${reports}${reissue}${audit}`;
}
