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
<form method="post" action="/admin/keluar" class="admin-signout">${csrfField(session)}<span>Masuk sebagai <a href="/admin/akun"${current === '/admin/akun' ? ' aria-current="page"' : ''}><strong>${e(session.member.displayName)}</strong></a> (${roleLabel[session.member.role] ?? ''})</span> <button type="submit" class="btn">Keluar</button></form></nav>`;
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

/** A staff member's own account: the password change form, errors beside their fields. */
export function renderAccount(session: StaffSession, errors: { path: string; message: string }[] = []): string {
  const error = (path: string) => errors.find((f) => f.path === path)?.message;
  const field = (name: string, label: string, autocomplete: string, hint?: string) => {
    const message = error(name);
    const described = [hint ? `f-${name}-hint` : '', message ? `f-${name}-error` : ''].filter(Boolean).join(' ');
    return `<div class="field${message ? ' has-error' : ''}"><label for="f-${name}">${label}</label>
${hint ? `<p class="hint" id="f-${name}-hint">${hint}</p>` : ''}<input id="f-${name}" name="${name}" type="password" autocomplete="${autocomplete}" required${described ? ` aria-describedby="${described}"` : ''}${message ? ' aria-invalid="true"' : ''}>
<p class="field-error" id="f-${name}-error" role="status">${message ? e(message) : ''}</p></div>`;
  };
  return `<h1>Akun saya</h1>
<p>Nama pengguna: <strong>${e(session.member.username)}</strong>. Peran: ${roleLabel[session.member.role] ?? ''}.</p>
<h2>Ganti kata sandi</h2>
<form method="post" action="/admin/akun" class="reg-form">${csrfField(session)}
${field('current', 'Kata sandi sekarang', 'current-password')}
${field('password', 'Kata sandi baru', 'new-password', 'Minimal 12 karakter. Kalimat pendek yang mudah Anda ingat lebih kuat daripada kata acak yang pendek.')}
${field('repeat', 'Ulangi kata sandi baru', 'new-password')}
<button type="submit" class="btn btn-primary">Ganti kata sandi</button>
</form>`;
}
