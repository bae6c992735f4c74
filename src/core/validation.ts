import type { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';
import { messages } from './messages.ts';

/** zod issues as field errors: one per field path, the first message wins, unknown keys named. */
export function toFieldErrors(error: z.ZodError, unknownKey: (name: string) => string = messages.unknownField): FieldError[] {
  const out = new Map<string, string>();
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...base, key].join('.');
        if (!out.has(path)) out.set(path, unknownKey(key));
      }
      continue;
    }
    const path = base.join('.');
    if (!out.has(path)) out.set(path, issue.message);
  }
  return [...out].map(([path, message]) => ({ path, message }));
}

/** Parses with a schema or throws VALIDATION_FAILED naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: 'VALIDATION_FAILED' | 'BAD_REQUEST' = 'VALIDATION_FAILED'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = toFieldErrors(result.error);
  const message = code === 'BAD_REQUEST' ? messages.badRequest : messages.validationFailed;
  throw new AppError(code, message, { fields });
}

/**
 * A flat form (names such as "storeLinks.0" or "products.1.priceMin") as the nested
 * object the schema expects. Numeric segments become array positions.
 */
export function formToObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const parts = name.split('.');
    if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const key = /^\d{1,2}$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d{1,2}$/.test(parts[i + 1] ?? '');
      const existing = container[key];
      if (existing === undefined || typeof existing !== 'object' || existing === null) {
        container[key] = nextIsIndex ? [] : {};
      }
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return densify(root) as Record<string, unknown>;
}

/** Sparse arrays from forms (a box left out) become dense, with undefined in the gaps. */
function densify(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (v) => densify(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, densify(v)]));
  }
  return value;
}
