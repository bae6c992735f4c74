import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv } from '../../src/core/csv.ts';

describe('toCsv', () => {
  it('writes a BOM, ; separators, CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['Nama', 'Catatan'], [['Kopi; Teh', 'kata "enak"'], ['Baris\nbaru', 15000]]);
    expect(csv.startsWith('\ufeffNama;Catatan\r\n')).toBe(true);
    expect(csv).toContain('"Kopi; Teh";"kata ""enak"""\r\n');
    expect(csv).toContain('"Baris\nbaru";15000\r\n');
  });
  it('defuses cells Excel would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], ['-2']])).toContain("'=HYPERLINK");
    expect(parseCsv(toCsv(['x'], [['+1']]))[1]).toEqual(["'+1"]);
  });
  it('quotes the text columns always, so digits with a leading zero stay text', () => {
    expect(toCsv(['NIB', 'Jumlah'], [['0123456789012', 5]], { text: [0] })).toBe('\ufeffNIB;Jumlah\r\n"0123456789012";5\r\n');
  });
  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(['a', 'b'], rows))).toEqual([['a', 'b'], ...rows]);
      }),
    );
  });
});
