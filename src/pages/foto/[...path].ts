import type { APIRoute } from 'astro';
import { fileResponse } from '../../lib/file-response.ts';

/**
 * A listing's photo files, /foto/<listing>/<key>-<800.webp|thumb.webp|og.jpg>, from the file
 * store (functions/services/photos.ts wrote them). A file's name never changes content, so
 * browsers keep it for a day without asking; an erased photo is gone from the store at once.
 */
export const prerender = false;

const NAME = /^\d{1,10}\/[0-9a-f]{16}-(?:\d{2,4}\.webp|thumb\.webp|og\.jpg)$/;
const missing = () => new Response('Foto tidak ditemukan.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export const GET: APIRoute = async ({ params, request, locals }) => {
  const path = params.path ?? '';
  const { files } = locals.portal.deps;
  if (!NAME.test(path) || !files) return missing();
  const file = await files.get(`foto/${path}`);
  if (!file) return missing();
  const headers = new Headers({ 'content-type': file.contentType, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
  return fileResponse(file, request, headers);
};
