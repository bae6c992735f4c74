import type { Context } from 'hono';
import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { formToObject } from '../src/core/validation.ts';

export interface ReadBody {
  data: Record<string, unknown>;
}

/** Reads a JSON object or an HTML form; anything else is a 400 or 415 in Indonesian. */
export async function readBody(c: Context): Promise<ReadBody> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let data: unknown;
    try {
      data = await c.req.json();
    } catch (cause) {
      throw new AppError('BAD_REQUEST', messages.invalidJson, { cause });
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new AppError('BAD_REQUEST', messages.invalidJson);
    }
    return { data: data as Record<string, unknown> };
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await readForm(c, type);
    const entries: [string, unknown][] = [];
    for (const [name, value] of form) {
      if (typeof value !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType);
      entries.push([name, value]);
    }
    return { data: formToObject(entries) };
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType);
}

/** The form's fields, or a 400 that says what is wrong with the body (never the parser's 500). */
async function readForm(c: Context, type: string): Promise<FormData> {
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(c.req.header('content-type') ?? '')) {
    throw new AppError('BAD_REQUEST', messages.body.noBoundary, { fields: [{ path: 'content-type', message: messages.body.noBoundary }] });
  }
  try {
    return await c.req.formData();
  } catch (cause) {
    const message = type === 'multipart/form-data' ? messages.body.badMultipart : messages.body.badForm;
    throw new AppError('BAD_REQUEST', message, { cause, fields: [{ path: 'body', message }] });
  }
}

/**
 * The honeypot: a form field people never see or fill. Taken out before validation; when a
 * bot filled it, the write is refused and nothing is stored.
 */
export function withoutHoneypot(data: Record<string, unknown>): Record<string, unknown> {
  const { website, ...rest } = data;
  if (typeof website === 'string' ? website.trim() !== '' : website !== undefined) {
    throw new AppError('BAD_REQUEST', messages.honeypot, { fields: [{ path: 'website', message: messages.honeypot }] });
  }
  return rest;
}
