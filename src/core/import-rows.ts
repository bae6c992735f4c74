import { consentMethodLabels, type ConsentMethod } from './consent.ts';
import { categories, regencies } from './reference.ts';
import { platforms } from './platforms.ts';
import { normaliseStoreLink } from './store-link.ts';
import { registrationSchema, type Registration } from './registration.ts';

/** A spreadsheet cell as the readers give it: text, a number, a boolean, a date, or empty. */
export type Cell = string | number | boolean | Date | null | undefined;

/** The template's columns, in order: the header people see, what goes in, and the drop-down list if any. */
export interface ImportColumn {
  key: string;
  header: string;
  required?: boolean;
  help: string;
  list?: 'kategori' | 'kabupaten_kota' | 'kecamatan' | 'platform' | 'cara_persetujuan';
}

const productColumns = [1, 2, 3].flatMap((i): ImportColumn[] => [
  { key: `produk_${i}`, header: `produk_${i}`, help: 'Nama produk (opsional).' },
  { key: `harga_${i}`, header: `harga_${i}`, help: 'Harga dalam rupiah, misalnya 15000.' },
  { key: `satuan_${i}`, header: `satuan_${i}`, help: 'Satuan atau kemasan, misalnya 250 g atau isi 10.' },
]);
const linkColumns = [1, 2, 3].flatMap((i): ImportColumn[] => [
  { key: `platform_${i}`, header: `platform_${i}`, help: 'Platform tautan ini (opsional, dicocokkan dengan tautannya).', list: 'platform' },
  { key: `tautan_toko_${i}`, header: `tautan_toko_${i}`, required: i === 1, help: i === 1 ? 'Tautan toko online atau media sosial (wajib satu).' : 'Tautan toko lain (opsional).' },
]);

export const importColumns: ImportColumn[] = [
  { key: 'nama_usaha', header: 'nama_usaha', required: true, help: 'Nama usaha, minimal 3 huruf.' },
  { key: 'deskripsi', header: 'deskripsi', required: true, help: 'Apa yang dijual, minimal 20 karakter.' },
  { key: 'kategori', header: 'kategori', required: true, help: 'Pilih dari daftar.', list: 'kategori' },
  { key: 'kbli', header: 'kbli', help: 'Kode KBLI 5 angka, pisahkan dengan koma (opsional).' },
  { key: 'kabupaten_kota', header: 'kabupaten_kota', required: true, help: 'Pilih dari daftar.', list: 'kabupaten_kota' },
  { key: 'kecamatan', header: 'kecamatan', required: true, help: 'Pilih dari daftar: "Kecamatan (Kabupaten/Kota)".', list: 'kecamatan' },
  { key: 'alamat', header: 'alamat', help: 'Alamat usaha (opsional; tampil di profil).' },
  { key: 'whatsapp', header: 'whatsapp', required: true, help: 'Nomor WhatsApp usaha, misalnya 0812-3456-7890 (format kolom sebagai Teks).' },
  { key: 'email', header: 'email', help: 'Email pemilik (opsional; tidak tampil).' },
  { key: 'nib', header: 'nib', help: 'NIB 13 angka (format kolom sebagai Teks).' },
  { key: 'sertifikat_halal', header: 'sertifikat_halal', help: 'Nomor sertifikat halal (opsional).' },
  { key: 'pirt', header: 'pirt', help: 'Nomor P-IRT (opsional).' },
  ...linkColumns,
  ...productColumns,
  { key: 'nama_pemilik', header: 'nama_pemilik', help: 'Nama pemilik yang memberi persetujuan.' },
  { key: 'cara_persetujuan', header: 'cara_persetujuan', help: 'Kosongkan bila pemilik belum setuju: ia akan diundang lewat WhatsApp.', list: 'cara_persetujuan' },
  { key: 'tanggal_persetujuan', header: 'tanggal_persetujuan', help: 'Tanggal pemilik setuju, misalnya 2026-11-30 atau 30/11/2026.' },
  { key: 'pendamping', header: 'pendamping', help: 'Nama pengguna pendamping (opsional; bawaan: yang mengunggah).' },
];

/** "A", "B", … "AA" of a 0-based column index, as the spreadsheet shows it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A problem in the file, named by row and column as the spreadsheet shows them. */
export interface ImportProblem {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** What a row holds once read: the registration it makes, and how the owner's consent stands. */
export interface ImportRow {
  row: number;
  registration: Registration;
  /** Consent recorded by the program (then the listing waits for review), or none (the owner is invited). */
  consent: { ownerName: string; method: ConsentMethod; at: string } | null;
  mentor: string | null;
}

/** The drop-down values of a list column. */
export function listValues(list: NonNullable<ImportColumn['list']>): string[] {
  switch (list) {
    case 'kategori':
      return categories.map((c) => c.name);
    case 'kabupaten_kota':
      return regencies.map((r) => r.name);
    case 'kecamatan':
      return regencies.flatMap((r) => r.districts.map((d) => `${d.name} (${r.name})`));
    case 'platform':
      return platforms.filter((p) => !p.legacy).map((p) => p.name);
    case 'cara_persetujuan':
      return Object.values(consentMethodLabels);
  }
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const headerKey = (s: string) => fold(s.replace(/\*/g, '')).replace(/ /g, '_');

/**
 * Where each template column is in the file's header row (any order, any case, a trailing
 * "*"), and the problems of the header itself: required columns missing, a column twice.
 */
export function readHeader(header: Cell[]): { columns: Map<string, number>; missing: string[]; unknown: string[]; repeated: string[] } {
  const known = new Map(importColumns.map((c) => [c.key, c]));
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.forEach((cell, i) => {
    const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    if (text.trim() === '') return;
    const key = headerKey(text);
    if (!known.has(key)) unknown.push(text.trim());
    else if (columns.has(key)) repeated.push(text.trim());
    else columns.set(key, i);
  });
  const missing = importColumns.filter((c) => c.required && !columns.has(c.key)).map((c) => c.header);
  return { columns, missing, unknown, repeated };
}

/** Days between Excel's day 0 (1899-12-30, the 1900 system with its leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/** A consent date from a cell: a date, an Excel serial number, 2026-11-30 or 30/11/2026 (day first, as in Indonesia). */
export function readDate(cell: Cell): Date | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell;
  if (typeof cell === 'number') return cell > 20000 && cell < 80000 ? new Date(Math.round((cell - EXCEL_EPOCH_DAYS) * 86_400_000)) : undefined;
  if (typeof cell !== 'string') return undefined;
  const t = cell.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) return readDate(Number(t));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function validDate(y: number, mo: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

/** A number cell as the digits it should have been (Excel turns 081234… into 81234… and long numbers into 2.78859E+11). */
function digitsOf(cell: Cell): { text: string; lost: boolean } {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? { text: String(cell), lost: false } : { text: String(cell), lost: true };
  const text = typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
  return { text, lost: /^\d(?:[.,]\d+)?E\+?\d+$/i.test(text) };
}

const textOf = (cell: Cell): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());

/** Registration fields to the template column that holds them, for naming errors. */
function columnOfPath(path: PropertyKey[]): string {
  const [head, index, sub] = path;
  const i = typeof index === 'number' ? index + 1 : 1;
  switch (head) {
    case 'name':
      return 'nama_usaha';
    case 'description':
      return 'deskripsi';
    case 'category':
      return 'kategori';
    case 'kbliCodes':
      return 'kbli';
    case 'regencyCode':
      return 'kabupaten_kota';
    case 'districtCode':
      return 'kecamatan';
    case 'address':
      return 'alamat';
    case 'halalNumber':
      return 'sertifikat_halal';
    case 'pirtNumber':
      return 'pirt';
    case 'storeLinks':
      return `tautan_toko_${i}`;
    case 'products':
      return sub === 'name' ? `produk_${i}` : sub === 'unit' ? `satuan_${i}` : `harga_${i}`;
    default:
      return String(head);
  }
}

const regencyByName = new Map(regencies.flatMap((r) => [[fold(r.name), r], [fold(r.name.replace(/^Kabupaten /, 'Kab ')), r], [fold(r.code), r]]));
// A category by its name, its code, or a word that names it ("Kerajinan" for Kriya), as people write them.
const categoryWords = categories.flatMap((c) => [fold(c.name), fold(c.slug), ...c.names.map(fold)].map((k) => [k, c.slug] as const));
// A word that names two categories ("makanan": Kuliner and Oleh-oleh) names neither here.
const categoryByName = new Map(categoryWords.filter(([k]) => categoryWords.filter(([o]) => o === k).length === 1 || categories.some((c) => fold(c.name) === k || c.slug === k)));
const platformByName = new Map(platforms.flatMap((p) => [[fold(p.name), p.id], [fold(p.id), p.id]]));
const consentByName = new Map(Object.entries(consentMethodLabels).flatMap(([key, label]) => [[fold(label), key as ConsentMethod], [fold(key), key as ConsentMethod]]));

/**
 * One data row of the template: read every cell (undoing what spreadsheets do to phone
 * numbers, refusing NIBs whose digits Excel lost and formulas), build the registration it
 * stands for, and validate it with the registration form's own rules. Every problem is
 * named by row and column; a row with any problem makes nothing.
 */
export function readRow(cells: Cell[], rowNumber: number, columns: Map<string, number>, formulas: Set<string> = new Set()): { row?: ImportRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const letter = (key: string) => columnLetter(columns.get(key) ?? 0);
  const problem = (key: string, message: string) => problems.push({ row: rowNumber, column: letter(key), field: key, message });
  const cell = (key: string): Cell => {
    const i = columns.get(key);
    return i === undefined ? undefined : cells[i];
  };
  for (const key of columns.keys()) {
    const i = columns.get(key)!;
    if (formulas.has(`${columnLetter(i)}${rowNumber}`) || (typeof cells[i] === 'string' && /^=/.test(cells[i] as string))) {
      problem(key, 'Sel ini berisi rumus. Salin kolomnya lalu Tempel Khusus → Nilai (Paste Values), kemudian unggah lagi.');
    }
  }
  const text = (key: string) => textOf(cell(key));

  // Kabupaten/kota and kecamatan by name, as the drop-downs write them.
  const regencyText = text('kabupaten_kota');
  const regency = regencyByName.get(fold(regencyText));
  const districtText = text('kecamatan').replace(/\s*\((.*)\)\s*$/, '');
  const district = regency?.districts.find((d) => fold(d.name) === fold(districtText) || fold(d.alsoKnownAs ?? '') === fold(districtText) || d.code === districtText);
  if (regencyText !== '' && !regency) problem('kabupaten_kota', `"${regencyText}" bukan kabupaten/kota di Jawa Barat. Pilih dari daftar di templat.`);
  if (regency && text('kecamatan') !== '' && !district) problem('kecamatan', `Kecamatan "${districtText}" tidak ada di ${regency.name}. Pilih dari daftar di templat.`);

  const categoryText = text('kategori');
  const category = categoryByName.get(fold(categoryText));
  if (categoryText !== '' && !category) problem('kategori', `Kategori "${categoryText}" tidak dikenal. Pilih dari daftar: ${categories.map((c) => c.name).join(', ')}.`);

  // WhatsApp: a number cell lost its leading 0 (81234567890); put it back.
  const wa = digitsOf(cell('whatsapp'));
  const whatsapp = /^8\d{8,11}$/.test(wa.text) ? `0${wa.text}` : wa.text;
  const nib = digitsOf(cell('nib'));
  if (nib.lost) problem('nib', `NIB tertulis ${nib.text}: Excel mengubahnya menjadi angka dan digit terakhirnya hilang. Format kolom NIB sebagai Teks (klik kanan → Format Cells → Text), ketik ulang NIB-nya, lalu unggah lagi.`);
  if (wa.lost) problem('whatsapp', `Nomor WhatsApp tertulis ${wa.text}: Excel mengubahnya menjadi angka. Format kolom sebagai Teks, ketik ulang nomornya, lalu unggah lagi.`);

  const links = [1, 2, 3].map((i) => text(`tautan_toko_${i}`));
  [1, 2, 3].forEach((i) => {
    const said = text(`platform_${i}`);
    const url = links[i - 1] ?? '';
    if (said === '' || url === '') return;
    const platform = platformByName.get(fold(said));
    const found = normaliseStoreLink(url);
    if (!platform) problem(`platform_${i}`, `Platform "${said}" tidak dikenal. Pilih dari daftar di templat.`);
    else if (found.ok && found.platform !== platform && !(found.platform === 'shopeefood' && platform === 'shopee')) problem(`tautan_toko_${i}`, `Tautan ini dikenali sebagai ${found.platformName}, bukan ${said}. Periksa kolom platform_${i} atau tautannya.`);
  });

  const input = {
    name: text('nama_usaha'),
    description: text('deskripsi'),
    category: category ?? categoryText,
    kbliCodes: text('kbli'),
    regencyCode: regency?.code ?? '',
    districtCode: district?.code ?? '',
    address: text('alamat'),
    whatsapp,
    nib: nib.lost ? '' : nib.text,
    halalNumber: text('sertifikat_halal'),
    pirtNumber: text('pirt'),
    storeLinks: links,
    products: [1, 2, 3].map((i) => ({ name: text(`produk_${i}`), priceMin: typeof cell(`harga_${i}`) === 'number' ? cell(`harga_${i}`) : text(`harga_${i}`), unit: text(`satuan_${i}`) })),
    email: text('email'),
    consent: true,
  };
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const already = new Set(problems.map((p) => p.field));
    for (const issue of parsed.error.issues) {
      const key = columnOfPath(issue.path);
      // Place problems said above already, more precisely.
      if ((key === 'kabupaten_kota' || key === 'kecamatan' || key === 'kategori') && (already.has(key) || already.has('kabupaten_kota'))) continue;
      if (key === 'nib' && nib.lost) continue;
      problem(key, issue.message);
    }
  }

  const methodText = text('cara_persetujuan');
  const method = methodText === '' ? undefined : consentByName.get(fold(methodText));
  const owner = text('nama_pemilik');
  const dateCell = cell('tanggal_persetujuan');
  const date = textOf(dateCell) === '' ? undefined : readDate(dateCell);
  if (methodText !== '' && !method) problem('cara_persetujuan', `Cara persetujuan "${methodText}" tidak dikenal. Pilih dari daftar, atau kosongkan bila pemilik belum setuju (ia akan diundang).`);
  if (method) {
    if (owner.length < 2) problem('nama_pemilik', 'Isi nama pemilik yang memberi persetujuan.');
    if (!date) problem('tanggal_persetujuan', textOf(dateCell) === '' ? 'Isi tanggal pemilik memberi persetujuan, misalnya 2026-11-30.' : `Tanggal "${textOf(dateCell)}" tidak dapat dibaca. Tulis seperti 2026-11-30 atau 30/11/2026.`);
    else if (date.getTime() > Date.now() + 86_400_000) problem('tanggal_persetujuan', 'Tanggal persetujuan tidak boleh di masa depan.');
  } else if (textOf(dateCell) !== '' && !date) {
    problem('tanggal_persetujuan', `Tanggal "${textOf(dateCell)}" tidak dapat dibaca. Tulis seperti 2026-11-30 atau 30/11/2026.`);
  }

  if (problems.length > 0 || !parsed.success) return { problems };
  return {
    problems,
    row: {
      row: rowNumber,
      registration: parsed.data,
      consent: method && date ? { ownerName: owner, method, at: date.toISOString() } : null,
      mentor: text('pendamping') || null,
    },
  };
}

/** Whether a row is empty (spreadsheets keep formatted blank rows below the data). */
export const blankRow = (cells: Cell[]) => cells.every((c) => textOf(c) === '');

/** The row's identity across uploads: its WhatsApp number and its name, folded. */
export const importKeyOf = (reg: Pick<Registration, 'whatsapp' | 'name'>) => `${reg.whatsapp}|${fold(reg.name)}`;

