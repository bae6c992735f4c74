import { describe, expect, it } from 'vitest';
import { decodeCsv, detectDelimiter, parseDelimited } from '../../src/core/csv-text.ts';
import { columnLetter, importColumns, readDate, readHeader, readRow, type Cell } from '../../src/core/import-rows.ts';

const header = importColumns.map((c) => c.header);
const { columns } = readHeader(header);
const good: Record<string, Cell> = {
  nama_usaha: 'Keripik Tempe Bu Sari',
  deskripsi: 'Keripik tempe renyah dari kedelai lokal, digoreng setiap pagi.',
  kategori: 'Kuliner',
  kabupaten_kota: 'Kota Bandung',
  kecamatan: 'Coblong (Kota Bandung)',
  whatsapp: '0812-3456-7890',
  tautan_toko_1: 'https://shopee.co.id/keripiktempesari',
};
const row = (values: Record<string, Cell>) => header.map((h) => values[h] ?? null);
const read = (values: Record<string, Cell>, formulas?: Set<string>) => readRow(row({ ...good, ...values }), 7, columns, formulas);

describe('reading a template row', () => {
  it('makes a registration from a good row, invited when no consent is recorded', () => {
    const { row: r, problems } = read({});
    expect(problems).toEqual([]);
    expect(r?.registration).toEqual(expect.objectContaining({ name: 'Keripik Tempe Bu Sari', category: 'kuliner', regencyCode: '32.73', whatsapp: '+6281234567890' }));
    expect(r?.consent).toBeNull();
  });

  it('puts back the leading 0 a number cell lost, and reads Excel serial dates', () => {
    const { row: r, problems } = read({ whatsapp: 81234567890, nama_pemilik: 'Sari', cara_persetujuan: 'Lewat pesan WhatsApp', tanggal_persetujuan: 46356 });
    expect(problems).toEqual([]);
    expect(r?.registration.whatsapp).toBe('+6281234567890');
    expect(r?.consent).toEqual({ ownerName: 'Sari', method: 'whatsapp', at: '2026-11-30T00:00:00.000Z' });
  });

  it.each([
    [{ nib: '2.78859E+11' }, 'nib', /Excel mengubahnya menjadi angka.*Format kolom NIB sebagai Teks/],
    [{ nama_usaha: '' }, 'nama_usaha', /./],
    [{ kabupaten_kota: 'Kota Jakarta' }, 'kabupaten_kota', /bukan kabupaten\/kota di Jawa Barat/],
    [{ kecamatan: 'Cicendo (Kota Bandung)', kabupaten_kota: 'Kabupaten Garut' }, 'kecamatan', /tidak ada di Kabupaten Garut/],
    [{ kategori: 'Makanan Berat' }, 'kategori', /Kategori "Makanan Berat" tidak dikenal/],
    [{ whatsapp: '022-1234567' }, 'whatsapp', /ponsel/],
    [{ tautan_toko_1: 'https://example.com/toko' }, 'tautan_toko_1', /./],
    [{ platform_1: 'Tokopedia' }, 'tautan_toko_1', /dikenali sebagai Shopee, bukan Tokopedia/],
    [{ harga_1: 'murah', produk_1: 'Keripik' }, 'harga_1', /rupiah/],
    [{ cara_persetujuan: 'Langsung, bertatap muka' }, 'nama_pemilik', /nama pemilik/],
    [{ cara_persetujuan: 'Langsung, bertatap muka', nama_pemilik: 'Sari', tanggal_persetujuan: '31/02/2026' }, 'tanggal_persetujuan', /tidak dapat dibaca/],
    [{ cara_persetujuan: 'lewat burung merpati' }, 'cara_persetujuan', /tidak dikenal/],
    [{ deskripsi: '=HYPERLINK("http://x","klik")' }, 'deskripsi', /rumus/],
  ])('names the column of %j', (values, field, message) => {
    const { row: r, problems } = read(values);
    expect(r).toBeUndefined();
    const found = problems.find((p) => p.field === field);
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found!.message).toMatch(message);
    expect(found!.row).toBe(7);
    expect(found!.column).toBe(columnLetter(columns.get(field)!));
  });

  it('names a formula cell from the XLSX by its reference', () => {
    const ref = `${columnLetter(columns.get('deskripsi')!)}7`;
    expect(read({}, new Set([ref])).problems.map((p) => p.field)).toEqual(['deskripsi']);
  });
});

describe('the header and dates', () => {
  it('finds columns in any order and case, with a trailing *, and says what is missing or repeated', () => {
    const h = readHeader(['WhatsApp*', 'Nama_Usaha*', 'kolom_aneh', 'whatsapp']);
    expect(h.columns.get('whatsapp')).toBe(0);
    expect(h.columns.get('nama_usaha')).toBe(1);
    expect(h.unknown).toEqual(['kolom_aneh']);
    expect(h.repeated).toEqual(['whatsapp']);
    expect(h.missing).toContain('deskripsi');
  });

  it.each([
    ['2026-11-30', '2026-11-30'],
    ['30/11/2026', '2026-11-30'],
    ['30-11-2026', '2026-11-30'],
    ['46356', '2026-11-30'],
    ['2026-02-30', undefined],
    ['kemarin', undefined],
  ])('reads %s as %s', (text, iso) => expect(readDate(text)?.toISOString().slice(0, 10)).toBe(iso));
});

describe('CSV as offices save it', () => {
  it('reads UTF-8 with a BOM and Windows-1252, with ; or , between fields', () => {
    const utf8 = new TextEncoder().encode('\ufeffnama;kota\r\n"Kopi ""Ée"";Garut";Garut\r\n');
    const a = decodeCsv(utf8);
    expect(a.encoding).toBe('utf-8');
    expect(parseDelimited(a.text, detectDelimiter(a.text))).toEqual([['nama', 'kota'], ['Kopi "Ée";Garut', 'Garut']]);
    const cp1252 = new Uint8Array([...new TextEncoder().encode('nama,harga\r\nCaf'), 0xe9, ...new TextEncoder().encode(' ‘'.slice(0, 1)), 0x91, 0x92, ...new TextEncoder().encode(',15000\r\n')]);
    const b = decodeCsv(cp1252);
    expect(b.encoding).toBe('windows-1252');
    expect(detectDelimiter(b.text)).toBe(',');
    expect(parseDelimited(b.text, ',')[1]).toEqual(['Café ‘’', '15000']);
  });
});
