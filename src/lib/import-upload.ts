import type { AstroGlobal } from 'astro';
import { AppError } from '../core/errors.ts';
import { readLimited } from '../../functions/request-body.ts';
import { checkCsrfToken, checkSameOrigin, type StaffSession } from '../../functions/services/staff.ts';
import { MAX_UPLOAD_BYTES } from '../../functions/services/spreadsheet.ts';

/**
 * The import form's post (multipart): from this site, within 10 MB (a bigger file is refused
 * while it arrives, before it is held whole), with the session's CSRF token; gives the file's
 * bytes and name and the cohort's name.
 */
export async function readImportUpload(page: AstroGlobal, session: StaffSession) {
  const { deps } = page.locals.portal;
  checkSameOrigin(page.request, deps.config.SITE_URL);
  const type = page.request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas lewat formulir unggah di halaman ini.');
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readLimited(page.request, MAX_UPLOAD_BYTES / 1024 + 64);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') {
      const message = 'Berkas terlalu besar (maksimal 10 MB). Bagi menjadi beberapa berkas, masing-masing paling banyak 5.000 baris; hapus gambar atau lembar lain yang tidak perlu.';
      throw new AppError('PAYLOAD_TOO_LARGE', message, { fields: [{ path: 'berkas', message }] });
    }
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'Isi unggahan tidak dapat dibaca. Pilih berkasnya lagi lalu kirim.');
  }
  checkCsrfToken(session, form.get('csrf'));
  const file = form.get('berkas');
  if (!(file instanceof File) || file.size === 0) {
    const message = 'Pilih berkas templat yang sudah diisi (XLSX atau CSV).';
    throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'berkas', message }] });
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'unggahan', cohort: form.get('kohort') };
}
