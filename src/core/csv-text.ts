/**
 * CSV as offices save it: UTF-8 with or without a byte-order mark, or Windows-1252 (Excel's
 * "CSV" on an Indonesian Windows), with `;` (Indonesian Excel) or `,` between fields.
 */

/** Windows-1252's bytes 0x80-0x9F; the rest of the range is Latin-1. Undefined bytes stay as U+FFFD. */
const CP1252 = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

/** The text of an uploaded CSV, and which encoding it was read as. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    let text = '';
    for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
    return { text, encoding: 'windows-1252' };
  }
}

/** The separator of a CSV: the one of `;`, `,` and tab that splits the header line most, outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const line = text.slice(0, text.search(/\r?\n/) === -1 ? text.length : text.search(/\r?\n/));
  const count = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in count) count[c as keyof typeof count]++;
  }
  return (Object.entries(count).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ';') as ';' | ',' | '\t';
}

/** RFC 4180 fields with any separator: quotes, doubled quotes, line breaks inside quotes, CRLF or LF. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.replace(/\r$/, '')]);
  return rows;
}
