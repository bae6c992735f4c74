import { AppError } from '../core/errors.ts';
import { messages } from '../core/messages.ts';

/** Pages that take a form post (each answers it itself); every other page is read only. */
const FORM_TARGETS = new Set([
  '/daftar/kirim',
  '/daftar/pratinjau',
  '/umkm/[slug]/lapor',
  '/status/[token]/ubah',
  '/status/[token]/hapus',
  '/status/[token]/harga',
  '/admin/masuk',
  '/admin/keluar',
  '/admin/akun',
  '/admin/daftar',
  '/admin/umkm/[id]/[aksi]',
  '/admin/laporan/[rid]/tutup',
  '/admin/tautan/[id]/[aksi]',
  '/admin/impor',
  '/admin/petugas',
  '/admin/petugas/[username]/[aksi]',
  '/admin/sandi/[token]',
  '/admin/impor/[id]/simpan',
  '/status/[token]/konfirmasi',
  '/status/[token]/tolak',
  '/status/[token]/foto',
  '/status/[token]/foto-hapus',
]);

/** The JSON API answers its own methods (405 with Allow from Hono's route list). */
const OWN_METHODS = /^\/api(\/|$)/;

/**
 * A page asked with a method it does not answer: 405 with Allow, as the API answers, so a
 * PUT to a page is never rendered as if it were a GET.
 */
export function refuseMethod(method: string, routePattern: string, prerendered: boolean): Response | undefined {
  if (OWN_METHODS.test(routePattern)) return undefined;
  const allowed = FORM_TARGETS.has(routePattern) ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
  if (prerendered || allowed.includes(method)) return undefined;
  const error = new AppError('METHOD_NOT_ALLOWED', messages.methodNotAllowed);
  return new Response(`${error.message}\n`, { status: 405, headers: { allow: allowed.join(', '), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
