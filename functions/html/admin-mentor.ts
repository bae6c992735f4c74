import type { FieldError } from '../../src/core/errors.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import { regencyName } from '../../src/lib/labels.ts';
import { renderRegistrationForm } from '../../src/ui/registration-form.ts';
import type { listRegisteredBy } from '../../db/queries/review.ts';
import { adminDate } from './admin-layout.ts';
import type { StaffSession } from '../middleware/staff-session.ts';

const statusLabel: Record<string, string> = { pending: 'Menunggu verifikasi', published: 'Tayang', rejected: 'Ditolak' };

/** The registration form as a mentor fills it for an owner, with the owner's consent recorded. */
export function renderMentorForm(session: StaffSession, values: Record<string, unknown> = {}, errors: FieldError[] = []): string {
  return `<h1>Daftarkan UMKM atas nama pemilik</h1>
<p>Isi bersama pemilik usaha. Setelah terkirim, berikan tautan status pribadi kepada pemilik: dengan tautan itu ia dapat melihat, mengubah atau menghapus datanya sendiri. Petugas verifikasi tetap memeriksa sebelum tayang.</p>
${renderRegistrationForm({ values, errors, action: '/admin/daftar', submitLabel: 'Daftarkan', hidden: { csrf: session.csrfToken }, onBehalf: true })}`;
}

/** Shown once after a mentor registers (or staff replace a lost link): the owner's private link, to hand over now. */
export function renderRegistered(name: string, statusUrl: string, replaced = false, emailed = false): string {
  return `<section class="status-page">
<h1>${replaced ? 'Tautan pribadi baru dibuat' : 'Pendaftaran terkirim'}</h1>
<p><strong>${e(name)}</strong>${replaced ? ': tautan lama tidak berlaku lagi.' : ' menunggu verifikasi petugas.'}</p>
<div class="save-link">
<h2>Berikan tautan ini kepada pemilik</h2>
<p>Tautan ini hanya ditampilkan sekali dan tidak disimpan di sistem. Kirim ke WhatsApp pemilik sekarang, atau minta pemilik menyimpannya. Dengan tautan ini pemilik dapat melihat status, mengubah, atau menghapus listing.</p>
${privateLinkField(statusUrl, 'Tautan status pribadi pemilik')}
${emailed ? '<p role="status">Salinan tautan juga sudah dikirim ke email usaha yang diisi.</p>' : ''}
</div>
${replaced ? '' : '<p><a class="btn" href="/admin/daftar">Daftarkan UMKM lain</a> <a class="btn" href="/admin/binaan">Lihat UMKM yang saya daftarkan</a></p>'}
</section>`;
}

/** The businesses this staff member registered, with where each stands. */
export function renderMyListings(rows: Awaited<ReturnType<typeof listRegisteredBy>>): string {
  return `<h1>UMKM yang saya daftarkan</h1>
<p><a class="btn btn-primary" href="/admin/daftar">Daftarkan UMKM baru</a></p>
<p class="count" role="status">${rows.length} usaha.</p>
${
  rows.length === 0
    ? '<p>Belum ada. Usaha yang Anda daftarkan atas nama pemiliknya tampil di sini.</p>'
    : `<div class="table-scroll" tabindex="0" role="region" aria-label="UMKM yang saya daftarkan"><table class="admin-table"><thead><tr><th scope="col">Didaftarkan</th><th scope="col">Usaha</th><th scope="col">Wilayah</th><th scope="col">Status</th></tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><td>${adminDate.format(r.createdAt)}</td><td>${r.status === 'published' ? `<a href="/umkm/${e(r.slug)}/">${e(r.name)}</a>` : e(r.name)}</td><td>${e(regencyName(r.regencyCode))}</td><td>${e(statusLabel[r.status] ?? r.status)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`
}`;
}

/** An owner's private link, ready to copy (src/scripts/copy-link.ts). */
function privateLinkField(statusUrl: string, label: string): string {
  return `<p><label for="private-link">${e(label)}</label><br><input id="private-link" type="text" readonly value="${e(statusUrl)}" class="copy-field" data-copy-source>
<button type="button" class="btn" data-copy-button hidden>Salin tautan</button></p>`;
}
