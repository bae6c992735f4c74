import type { StoredFile } from '../../functions/files.ts';

/**
 * A stored file as an HTTP answer with its ETag and Last-Modified: 304 when the client's copy
 * is current (If-None-Match, else If-Modified-Since), the headers alone for HEAD, else the
 * body. A body not sent is cancelled, so the store's stream is closed.
 */
export async function fileResponse(file: StoredFile, request: Request, headers: Headers): Promise<Response> {
  headers.set('etag', file.etag);
  headers.set('last-modified', file.uploaded.toUTCString());
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  const tags = request.headers.get('if-none-match');
  const fresh = tags !== null ? tags.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag || t.trim() === '*') : !Number.isNaN(since) && Math.floor(file.uploaded.getTime() / 1000) <= Math.floor(since / 1000);
  if (fresh) {
    await file.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(file.size));
  if (request.method === 'HEAD') {
    await file.body.cancel();
    return new Response(null, { status: 200, headers });
  }
  return new Response(file.body, { status: 200, headers });
}
