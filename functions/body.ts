import type { Context } from 'hono';
import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { formObject, formType, mediaType } from './request-body.ts';

export interface ReadBody {
  data: Record<string, unknown>;
}

/** Reads a JSON object or an HTML form (whose size the body limit already checked); anything else is a 400 or 415 in Indonesian. */
export async function readBody(c: Context): Promise<ReadBody> {
  const header = c.req.header('content-type') ?? '';
  if (mediaType(header) === 'application/json') {
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
  return { data: await formObject(formType(header), () => c.req.formData()) };
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
