import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import { formatPhoneLocal } from '../core/phone.ts';
import { onWibClock } from '../core/dates.ts';
import type { SurveyGroup, SurveyLine } from '../core/survey.ts';

const header = (text: string) => ({ value: text, fontWeight: 'bold' as const, wrap: true });

/**
 * The survey as an XLSX workbook in Indonesian: what was surveyed and when (WIB), then a
 * line per source with NIB and WhatsApp as text cells (no lost leading zeros, no 2.78E+11),
 * prices as numbers and dates as dates on the WIB clock, and min / median / max per unit.
 * `write-excel-file/universal` runs the same on Node and in the Worker.
 */
export async function surveyWorkbook(survey: { q: string; note: string; printedAt: Date; lines: SurveyLine[]; groups: SurveyGroup[] }): Promise<Blob> {
  const rows: Row[] = [
    [header('Survei harga Etalase Jabar')],
    ['Kata produk', survey.q],
    ['Dibuat (WIB)', { value: onWibClock(survey.printedAt), type: Date, format: 'dd/mm/yyyy hh:mm' }],
    ['Catatan', survey.note],
    [],
    ['No.', 'Pemasok', 'NIB', 'NIB terverifikasi petugas', 'Kecamatan', 'Kabupaten/kota', 'Alamat', 'WhatsApp', 'Produk', 'Ukuran/isi', 'Harga terendah (Rp)', 'Harga tertinggi (Rp)', 'Harga per satuan (Rp)', 'Satuan', 'Harga dinyatakan berlaku (WIB)', 'Profil'].map(header),
    ...survey.lines.map((l, i): Row => [
      i + 1,
      l.supplier.name,
      { value: l.supplier.nib ?? '', type: String },
      l.verified ? 'ya' : 'belum',
      l.supplier.district.name,
      l.supplier.regency.name,
      l.supplier.address ?? 'alamat belum diisi',
      { value: formatPhoneLocal(l.supplier.whatsapp), type: String },
      l.product.name,
      l.product.unit ?? '',
      l.product.priceMin,
      l.product.priceMax ?? l.product.priceMin,
      l.unitPrice?.price ?? null,
      l.unitPrice ? `per ${l.unitPrice.base}` : '',
      l.product.priceConfirmedAt ? { value: onWibClock(new Date(l.product.priceConfirmedAt)), type: Date, format: 'dd/mm/yyyy' } : null,
      l.supplier.profileUrl,
    ]),
    [],
    ['Satuan', 'Terendah (Rp)', 'Median (Rp)', 'Tertinggi (Rp)', 'Sumber', 'NIB terverifikasi dan harga bertanggal'].map(header),
    ...survey.groups.map((g): Row => [g.label, g.min, g.median, g.max, g.lines.length, g.sound]),
  ];
  return writeXlsxFile(rows, { sheet: 'Survei harga', columns: [{ width: 5 }, { width: 28 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 20 }, { width: 28 }, { width: 15 }, { width: 28 }, { width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 10 }, { width: 16 }, { width: 40 }] }).toBlob();
}
