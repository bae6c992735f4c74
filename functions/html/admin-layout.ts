import { escapeHtml as e } from '../../src/core/text.ts';
import type { StaffSession } from '../middleware/staff-session.ts';

export const roleLabel: Record<string, string> = { reviewer: 'petugas verifikasi', mentor: 'pendamping UMKM Juara' };

export const adminDate = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

/** The hidden field every signed-in form carries (the session's CSRF token). */
export const csrfField = (session: StaffSession) => `<input type="hidden" name="csrf" value="${e(session.csrfToken)}">`;

/** The staff menu above every signed-in page: what this role may open, who is signed in, sign-out. */
export function adminNav(session: StaffSession, current: string): string {
  const links = [
    ...(session.member.role === 'reviewer'
      ? [
          ['/admin/antrean', 'Antrean verifikasi'],
          ['/admin/laporan', 'Laporan masalah'],
        ]
      : []),
    ['/admin/statistik', 'Statistik'],
    ['/admin/binaan', 'UMKM yang saya daftarkan'],
    ['/admin/daftar', 'Daftarkan UMKM'],
  ];
  return `<nav class="admin-nav" aria-label="Menu petugas"><ul>${links
    .map(([href, label]) => `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('')}</ul>
<form method="post" action="/admin/keluar" class="admin-signout">${csrfField(session)}<span>Masuk sebagai <strong>${e(session.member.displayName)}</strong> (${roleLabel[session.member.role] ?? ''})</span> <button type="submit" class="btn">Keluar</button></form></nav>`;
}

/** A one-line notice at the top of a page, such as "Disetujui" after an action. */
export const notice = (text: string | undefined, kind: 'ok' | 'error' = 'ok') =>
  text ? `<p class="notice${kind === 'error' ? ' notice-error' : ''}" role="${kind === 'error' ? 'alert' : 'status'}">${e(text)}</p>` : '';

/** The sign-in form; `error` is one message for the whole form, never which of the two was wrong. */
export function renderSignIn(options: { next?: string | undefined; username?: string; error?: string | undefined; info?: string | undefined }): string {
  return `<section class="admin-signin">
<h1>Masuk petugas</h1>
<p>Halaman ini untuk petugas Dinas KUMKM dan pendamping UMKM Juara. Pemilik usaha tidak perlu akun: gunakan tautan status pribadi Anda.</p>
${notice(options.info)}${options.error ? `<div class="error-summary" role="alert" id="error-summary"><p>${e(options.error)}</p></div>` : ''}
<form method="post" action="/admin/masuk" class="reg-form">
${options.next ? `<input type="hidden" name="lanjut" value="${e(options.next)}">` : ''}
<div class="field"><label for="f-username">Nama pengguna</label>
<input id="f-username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${e(options.username ?? '')}"></div>
<div class="field"><label for="f-password">Kata sandi</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required></div>
<button type="submit" class="btn btn-primary">Masuk</button>
</form>
</section>`;
}
