import { z } from 'zod';
import { categorySlugs, findDistrict, findRegency } from './reference.ts';
import { platformIds } from './platforms.ts';
import { messages } from './messages.ts';
import { AppError, type FieldError } from './errors.ts';
import { toFieldErrors } from './validation.ts';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_QUERY = 100;
const MAX_TERMS = 8;

const flag = z
  .enum(['1', 'true', '0', 'false'], { error: messages.flag })
  .transform((v) => v === '1' || v === 'true');

const positiveInt = (message: string, max: number) =>
  z
    .string({ error: message })
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message).max(max, message));

/** The query string of a directory search, as the API and the search page accept it. */
export const searchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(MAX_QUERY, messages.query).optional(),
    category: z.enum(categorySlugs, { error: messages.category }).optional(),
    regency: z.string().refine((c) => findRegency(c) !== undefined, messages.regency).optional(),
    district: z.string().refine((c) => findDistrict(c) !== undefined, messages.district).optional(),
    platform: z.enum(platformIds, { error: messages.platform }).optional(),
    verified: flag.optional(),
    halal: flag.optional(),
    page: positiveInt(messages.page, 100_000).optional(),
    per_page: positiveInt(messages.perPage, MAX_PER_PAGE).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.district && v.regency && findDistrict(v.district)?.regencyCode !== v.regency) {
      ctx.addIssue({ code: 'custom', path: ['district'], message: messages.district });
    }
  });

/** A normalised search: what the queries layer receives. */
export interface SearchSpec {
  /** FTS5 MATCH expression built from the keywords, or undefined for a browse. */
  match: string | undefined;
  q: string | undefined;
  category: string | undefined;
  regency: string | undefined;
  district: string | undefined;
  platform: string | undefined;
  verified: boolean;
  halal: boolean;
  page: number;
  perPage: number;
}

/**
 * Reads URL query parameters into a SearchSpec, refusing unknown or repeated ones
 * with a 400 that names the parameter.
 */
export function parseSearchQuery(params: URLSearchParams): SearchSpec {
  const record: Record<string, string> = {};
  const fields: FieldError[] = [];
  for (const [key, value] of params) {
    if (key in record) fields.push({ path: key, message: messages.repeatedParam(key) });
    record[key] = value;
  }
  const parsed = searchQuerySchema.safeParse(record);
  if (!parsed.success || fields.length > 0) {
    const all = [...fields, ...(parsed.success ? [] : toFieldErrors(parsed.error, messages.unknownParam))];
    throw new AppError('BAD_REQUEST', messages.badRequest, { fields: all });
  }
  const v = parsed.data;
  const q = v.q === '' ? undefined : v.q;
  return {
    match: q === undefined ? undefined : ftsMatch(q),
    q,
    category: v.category,
    regency: v.regency ?? (v.district ? findDistrict(v.district)?.regencyCode : undefined),
    district: v.district,
    platform: v.platform,
    verified: v.verified ?? false,
    halal: v.halal ?? false,
    page: v.page ?? 1,
    perPage: v.per_page ?? DEFAULT_PER_PAGE,
  };
}

/**
 * Keywords as a safe FTS5 expression: words only (letters and digits of any script),
 * each quoted and prefix-matched, all required. FTS syntax characters never reach SQLite.
 * Returns undefined when nothing searchable is left (the search is then a browse).
 */
export function ftsMatch(q: string): string | undefined {
  const terms = q
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!terms) return undefined;
  const unique = [...new Set(terms)].slice(0, MAX_TERMS);
  return unique.map((t) => `"${t}"*`).join(' AND ');
}
