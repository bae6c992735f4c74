import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { plainSearchParams } from '../src/core/search.ts';
import { problemSchema } from '../src/core/supplier-schema.ts';
import { toFieldErrors } from '../src/core/validation.ts';

/**
 * What the API's route definitions share (functions/routes/*.ts, on @hono/zod-openapi):
 * each route declares its query and path parameters with the core's zod schemas, which both
 * check the request and write the OpenAPI document.
 */

/** A query or path parameter that fails its schema: 400 problem+json naming each parameter, in Indonesian. */
export function validationHook(result: { success: boolean; error?: z.ZodError }) {
  if (!result.success && result.error) throw new AppError('BAD_REQUEST', messages.badRequest, { fields: toFieldErrors(result.error, messages.unknownParam) });
}

/**
 * Before a search's query is checked: a parameter given twice is a 400 naming it, and the
 * empty boxes of a GET form ("category=") are left out, as the pages do.
 */
export const plainQuery: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  url.search = new URLSearchParams(plainSearchParams(url.searchParams)).toString();
  c.req.raw = new Request(url, c.req.raw);
  await next();
};

/** A JSON body as documented: its JSON Schema from the core's zod schema, which the route's service checks (with the honeypot and Turnstile around it). */
export function jsonBody(schema: z.ZodType, description: string) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _dialect, ...rest } = json;
  return { description, required: true, content: { 'application/json': { schema: rest }, 'application/x-www-form-urlencoded': { schema: rest } } };
}

/** A problem+json answer, as every error is. */
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** A JSON answer with its schema. */
export const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
