import type { Context } from 'hono';
import type { AppError } from '../../src/core/errors.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import type { AppDeps } from '../deps.ts';
import { shellPage } from './shell.ts';

/** A plain HTML form post from a browser (no JavaScript), rather than a script or an API client. */
export function wantsHtml(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  const accept = c.req.header('accept') ?? '';
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type) && accept.includes('text/html') && !accept.includes('application/json');
}

/** An error as a page in the portal's shell: what went wrong, in Indonesian, and a way back. */
export async function errorPage(deps: Required<AppDeps>, c: Context, error: AppError): Promise<Response> {
  const retry = error.headers['retry-after'];
  const main = `<section class="prose"><h1>Maaf, permintaan tidak dapat diproses</h1>
<p class="notice notice-error" role="alert">${e(error.message)}</p>
${error.fields.length > 0 ? `<ul>${error.fields.map((f) => `<li>${e(f.message)}</li>`).join('')}</ul>` : ''}
<p>${retry ? `Tunggu ${e(retry)} detik, lalu kembali ke halaman sebelumnya dan kirim lagi; isian Anda masih ada di sana.` : 'Kembali ke halaman sebelumnya untuk mencoba lagi.'}</p>
<p><a href="/">Ke beranda</a></p></section>`;
  const url = new URL(new URL(c.req.url).pathname, deps.config.SITE_URL).toString();
  const html = await shellPage(deps, c.req.raw, { title: 'Permintaan tidak dapat diproses', main, url });
  return new Response(html, {
    status: error.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...error.headers },
  });
}
