import { parseDelimited } from './csv-text.ts';

/**
 * CSV that opens cleanly in Excel with Indonesian settings: UTF-8 with a byte-order mark,
 * `;` between fields (Indonesian Excel uses the comma as decimal separator), CRLF line
 * ends, fields quoted when they hold `;`, quotes or line breaks (and the `text` columns
 * always), and cells that Excel would run as a formula (=, +, -, @) prefixed with an apostrophe.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][], options: { text?: readonly number[] } = {}): string {
  const text = new Set(options.text ?? []);
  const cell = (value: string | number | null | undefined, column: number): string => {
    if (value === null || value === undefined) return '';
    let out = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
    // Identifiers made of digits (NIB, phone numbers) are always quoted: a reader that
    // types columns sees text, not a number that loses its leading zero.
    return text.has(column) || /[;"\r\n,]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
  };
  const lines = [header.map((h) => cell(h, -1)).join(';'), ...rows.map((r) => r.map(cell).join(';'))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Reads back what toCsv wrote (for tests and for people who re-import an export). */
export const parseCsv = (text: string): string[][] => parseDelimited(text.replace(/^\ufeff/, ''), ';');
