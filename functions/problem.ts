import type { Context } from 'hono';
import { AppError, isBusyError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';

const titles: Record<string, string> = {
  BAD_REQUEST: 'Permintaan tidak valid',
  UNAUTHORIZED: 'Perlu masuk',
  FORBIDDEN: 'Tidak diizinkan',
  NOT_FOUND: 'Tidak ditemukan',
  METHOD_NOT_ALLOWED: 'Metode tidak didukung',
  CONFLICT: 'Terjadi konflik',
  PAYLOAD_TOO_LARGE: 'Data terlalu besar',
  UNSUPPORTED_MEDIA_TYPE: 'Format data tidak didukung',
  VALIDATION_FAILED: 'Isian perlu diperbaiki',
  RATE_LIMITED: 'Terlalu banyak permintaan',
  INTERNAL: 'Kesalahan server',
  UNAVAILABLE: 'Server sedang sibuk',
};

/** An AppError as RFC 9457 application/problem+json, with each bad field's path. */
export function problemResponse(c: Context, error: AppError): Response {
  const body = {
    type: `https://etalase.jabarprov.go.id/masalah/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[error.code] ?? error.code,
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: new URL(c.req.url).pathname,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...error.headers },
  });
}

/** Anything we did not throw on purpose: logged in full, answered with a plain 500 that leaks nothing. */
export function internalError(): AppError {
  return new AppError('INTERNAL', messages.internal);
}

/**
 * The database stayed locked past the wait: a 503 with Retry-After (logged, since it means
 * the writes outgrew the machine); nothing was written, so sending again is safe. Any other
 * error comes back as it was.
 */
export function busyAsUnavailable<E>(error: E, request: Request, log: (message: string, error: unknown) => void): E | AppError {
  if (!isBusyError(error)) return error;
  log(`Database busy on ${request.method} ${new URL(request.url).pathname}: answered 503`, error);
  return new AppError('UNAVAILABLE', messages.busy, { cause: error, headers: { 'retry-after': '2' } });
}
