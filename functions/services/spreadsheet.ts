import { Unzip, UnzipInflate } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { decodeCsv, detectDelimiter, parseDelimited } from '../../src/core/csv-text.ts';
import { AppError } from '../../src/core/errors.ts';
import type { Cell } from '../../src/core/import-rows.ts';

/** The largest spreadsheet accepted (a 5,000-row XLSX is well under 1 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What an XLSX may unpack to; a zip bomb stops here, long before memory does. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** The most of one sheet's XML kept as text (a 5,000-row sheet is a few MB). */
const MAX_KEPT_XML = 16 * 1024 * 1024;
/** Input fed to the inflater at a time: deflate expands at most ~1,032 times, so a chunk never passes ~4 MB. */
const SLICE = 4 * 1024;

/** A sheet as rows of cells, with what the reader noticed (the sheet it took, the encoding, formula and merged cells). */
export interface ReadSheet {
  rows: Cell[][];
  kind: 'xlsx' | 'csv';
  sheet?: string;
  otherSheets: string[];
  encoding?: string;
  delimiter?: string;
  /** Cells holding formulas ("B5"), and merged ranges ("A2:B2"). */
  formulas: Set<string>;
  merged: string[];
}

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'berkas', message }] });

/**
 * Reads an uploaded spreadsheet, XLSX or CSV, trusting nothing: an XLSX is unpacked once in
 * small steps counting every byte (a zip bomb is refused at 100 MB unpacked, whatever its
 * headers claim) before the XLSX reader sees it; an old .xls, a PDF or an empty file is refused
 * with what to do instead.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ReadSheet> {
  if (bytes.byteLength === 0) throw fileError('Berkas kosong. Pilih berkas templat yang sudah diisi (XLSX atau CSV).');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw fileError(`Berkas terlalu besar (${(bytes.byteLength / 1_048_576).toFixed(1)} MB; maksimal 10 MB). Bagi menjadi beberapa berkas, masing-masing paling banyak 5.000 baris.`);
  const magic = Array.from(bytes.subarray(0, 4));
  if (magic[0] === 0x50 && magic[1] === 0x4b) return readXlsx(bytes);
  if (magic.join(',') === '208,207,17,224') throw fileError('Berkas Excel lama (.xls) tidak dapat dibaca. Buka di Excel lalu Simpan Sebagai "Buku Kerja Excel (.xlsx)" atau "CSV", kemudian unggah lagi.');
  if (magic.join(',') === '37,80,68,70') throw fileError('Ini berkas PDF. Unggah templat XLSX atau CSV yang diisi.');
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw fileError('Berkas bernama .xlsx tetapi isinya bukan XLSX (mungkin rusak atau terpotong). Simpan ulang dari Excel lalu unggah lagi.');
  if (bytes.subarray(0, 4096).some((b) => b === 0)) throw fileError('Berkas ini bukan teks CSV maupun XLSX. Unggah templat yang diisi.');
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  return { rows: parseDelimited(text, delimiter), kind: 'csv', otherSheets: [], encoding, delimiter, formulas: new Set(), merged: [] };
}

/** Unpacks every entry once, counting, and keeps the workbook's XML that tells sheets, formulas and merged cells apart. */
function unpackGuarded(bytes: Uint8Array): Map<string, string> {
  const kept = new Map<string, string>();
  let total = 0;
  let tooBig = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const keep = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(file.name);
    const decoder = new TextDecoder();
    let text = '';
    // An entry that says it is this big is refused before inflating a byte (one that lies is caught by the count).
    if ((file.originalSize ?? 0) > MAX_UNPACKED_BYTES) {
      tooBig = true;
      return;
    }
    file.ondata = (error, chunk, final) => {
      if (error) throw fileError('Isi XLSX rusak dan tidak dapat dibuka. Simpan ulang dari Excel lalu unggah lagi.');
      total += chunk.byteLength;
      if (total > MAX_UNPACKED_BYTES) {
        tooBig = true;
        file.terminate();
        return;
      }
      if (keep && text.length + chunk.byteLength > MAX_KEPT_XML) {
        tooBig = true;
        file.terminate();
        return;
      }
      if (keep) text += decoder.decode(chunk, { stream: !final });
      if (final && keep) kept.set(file.name, text);
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.byteLength && !tooBig; at += SLICE) unzip.push(bytes.subarray(at, Math.min(bytes.byteLength, at + SLICE)), at + SLICE >= bytes.byteLength);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError('Isi XLSX rusak dan tidak dapat dibuka. Simpan ulang dari Excel lalu unggah lagi.');
  }
  if (tooBig) throw fileError('XLSX ini membengkak lebih dari 100 MB ketika dibuka (mungkin "zip bomb" atau berisi gambar besar). Unggah templat berisi data saja, paling banyak 5.000 baris.');
  if (!kept.has('xl/workbook.xml')) throw fileError('Berkas ZIP ini bukan buku kerja Excel (tidak ada xl/workbook.xml). Unggah templat XLSX atau CSV.');
  return kept;
}

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function readXlsx(bytes: Uint8Array): Promise<ReadSheet> {
  const xml = unpackGuarded(bytes);
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const sheets = [...(xml.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: unescapeXml(attr(m[0], 'name')), rid: attr(m[0], 'r:id') }));
  const targets = new Map([...(xml.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target').replace(/^\/?(xl\/)?/, 'xl/')]));
  const chosen = sheets.find((s) => s.name.trim().toUpperCase() === 'UMKM') ?? sheets[0];
  if (!chosen) throw fileError('Buku kerja ini tidak berisi lembar. Unggah templat yang diisi.');
  const sheetXml = xml.get(targets.get(chosen.rid) ?? '') ?? '';
  const formulas = new Set([...sheetXml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>)[\s\S])*?<f[\s>/]/g)].map((m) => m[1]!));
  const merged = [...sheetXml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]!);
  let read;
  try {
    read = await readXlsxFile(bytes.slice().buffer as ArrayBuffer);
  } catch {
    throw fileError('Isi XLSX tidak dapat dibaca. Simpan ulang dari Excel sebagai "Buku Kerja Excel (.xlsx)" lalu unggah lagi.');
  }
  const data = read.find((s) => s.sheet === chosen.name)?.data ?? [];
  return {
    rows: data.map((row) => row.map((cell) => (cell === null ? null : (cell as Cell)))),
    kind: 'xlsx',
    sheet: chosen.name,
    otherSheets: sheets.filter((s) => s !== chosen).map((s) => s.name),
    formulas,
    merged,
  };
}
