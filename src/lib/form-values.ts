import type { FieldError } from '../core/errors.ts';

/** The value at a form path ("products.0.name") of nested form values, as the field shows it. */
export function valueAt(values: Record<string, unknown>, path: string): string {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' || typeof node === 'number' ? String(node) : typeof node === 'boolean' ? (node ? 'true' : '') : '';
}

/** The id of a field's control, from its path. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** A form's state: what was sent (or is stored) and what was wrong with it. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** Nested form values back as the form's own fields ("products.0.name" = …), for hidden inputs that carry them to the next step. */
export function formFields(values: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(values).flatMap(([key, value]): [string, string][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined || value === '') return [];
    if (typeof value === 'object') return formFields(value as Record<string, unknown>, name);
    return [[name, String(value)]];
  });
}
