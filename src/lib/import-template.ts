import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import { toCsv } from '../core/csv.ts';
import { columnLetter, importColumns, listValues, type ImportColumn } from '../core/import-rows.ts';

/** Rows the drop-downs cover below the header: one cohort file holds at most 5,000. */
export const TEMPLATE_ROWS = 5000;

const LISTS: NonNullable<ImportColumn['list']>[] = ['kategori', 'kabupaten_kota', 'kecamatan', 'platform', 'cara_persetujuan'];

/** One example row, so people see what each column wants. */
const example: Record<string, string> = {
  nama_usaha: 'Keripik Tempe Bu Sari',
  deskripsi: 'Keripik tempe renyah dari kedelai lokal, digoreng setiap pagi tanpa pengawet.',
  kategori: 'Kuliner',
  kbli: '10794',
  kabupaten_kota: 'Kota Bandung',
  kecamatan: 'Coblong (Kota Bandung)',
  whatsapp: '0812-3456-7890',
  nib: '1234567890123',
  platform_1: 'Shopee',
  tautan_toko_1: 'https://shopee.co.id/keripiktempesari',
  produk_1: 'Keripik tempe original',
  harga_1: '15000',
  satuan_1: '250 g',
  nama_pemilik: 'Sari Wulandari',
  cara_persetujuan: 'Langsung, bertatap muka',
  tanggal_persetujuan: '2026-11-30',
};

const headerCell = (text: string) => ({ value: text, fontWeight: 'bold' as const, type: String });

/**
 * The cohort template as XLSX: the "UMKM" sheet (header, one example row to overwrite),
 * "Daftar" with the values of every drop-down, "Petunjuk" with what each column wants; then
 * list validations on the UMKM columns that have a list (write-excel-file writes no data
 * validation, so they are added to the sheet's XML here, in the place the schema puts them).
 */
export async function importTemplateXlsx(): Promise<Uint8Array> {
  const lists = LISTS.map((l) => listValues(l));
  const longest = Math.max(...lists.map((l) => l.length));
  const daftar: Row[] = [LISTS.map((l) => headerCell(l)), ...Array.from({ length: longest }, (_, i): Row => lists.map((l) => (l[i] === undefined ? null : { value: l[i]!, type: String })))];
  const umkm: Row[] = [importColumns.map((c) => headerCell(c.required ? `${c.header}*` : c.header)), importColumns.map((c) => ({ value: example[c.key] ?? '', type: String }))];
  const petunjuk: Row[] = [
    [headerCell('Kolom'), headerCell('Wajib'), headerCell('Isi')],
    ...importColumns.map((c): Row => [c.header, c.required ? 'ya' : '', c.help]),
    [],
    ['Satu baris per usaha, mulai baris 2 lembar UMKM (timpa contohnya). Paling banyak 5.000 baris per berkas.'],
    ['Kolom whatsapp dan nib: format sebagai Teks sebelum mengetik, agar angka 0 di depan dan digit NIB tidak hilang.'],
    ['Tanpa cara_persetujuan, pemilik diundang lewat WhatsApp dan datanya tidak tampil sebelum ia mengonfirmasi.'],
  ];
  const blob = await writeXlsxFile([
    { data: umkm, sheet: 'UMKM', columns: importColumns.map((c) => ({ width: c.key === 'deskripsi' ? 40 : c.key.startsWith('tautan') ? 36 : 18 })) },
    { data: daftar, sheet: 'Daftar', columns: LISTS.map(() => ({ width: 34 })) },
    { data: petunjuk, sheet: 'Petunjuk', columns: [{ width: 22 }, { width: 8 }, { width: 90 }] },
  ]).toBlob();
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const sheet = strFromU8(files[sheetPath]!);
  const validations = importColumns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.list)
    .map(({ c, i }) => {
      const listIndex = LISTS.indexOf(c.list!);
      const col = columnLetter(listIndex);
      const range = `Daftar!$${col}$2:$${col}$${lists[listIndex]!.length + 1}`;
      const letter = columnLetter(i);
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Pilih dari daftar" error="Pilih salah satu isian dari daftar (lembar Daftar)." sqref="${letter}2:${letter}${TEMPLATE_ROWS + 1}"><formula1>${range}</formula1></dataValidation>`;
    });
  const block = `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`;
  if (!sheet.includes('</sheetData>')) throw new Error('lembar UMKM tanpa sheetData');
  files[sheetPath] = strToU8(sheet.replace('</sheetData>', `</sheetData>${block}`));
  return zipSync(files, { level: 6 });
}

/** The same template as CSV for those who work without Excel (`;`, UTF-8 with BOM, as Indonesian Excel opens it). */
export function importTemplateCsv(): string {
  return toCsv(importColumns.map((c) => c.header), [importColumns.map((c) => example[c.key] ?? '')], { text: importColumns.map((_, i) => i) });
}
