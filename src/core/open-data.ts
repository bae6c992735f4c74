import { findCategory, findDistrict, findRegency } from './reference.ts';
import { isoWib } from './dates.ts';

/** A published listing as the open-data snapshot needs it (db/queries/msmes.ts PublicMsme has these and more). */
export interface OpenDataSource {
  slug: string;
  name: string;
  description: string;
  category: string;
  kbliCodes: string[];
  kbliEdition: string;
  regencyCode: string;
  districtCode: string;
  nib: string | null;
  nibVerifiedAt: Date | null;
  halalNumber: string | null;
  pirtNumber: string | null;
  verification: string;
  isJuara: boolean;
  isSample: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  storeLinks: { platform: string; url: string }[];
  products: { name: string; priceMin: number; priceMax: number | null; unit: string | null; priceConfirmedAt: Date | null }[];
}

/** One column of the snapshot: its name in the files, its type, and what it holds (the data dictionary on /data/). */
export interface OpenDataField {
  name: string;
  type: 'teks' | 'bilangan bulat' | 'ya/tidak' | 'tanggal-waktu' | 'daftar';
  description: string;
  value: (m: OpenDataSource, site: string) => string | number | boolean | null | string[];
}

const iso = (d: Date | null) => (d ? isoWib(d) : null);

/**
 * The public fields of a published listing, in file order. Never the WhatsApp number, the
 * email or the street address: those are personal data (UU 27/2022 PDP) that an owner
 * chose to show on their own profile, not to hand over in bulk.
 */
export const openDataFields: OpenDataField[] = [
  { name: 'slug', type: 'teks', description: 'Pengenal tetap usaha di Etalase Jabar (bagian alamat profilnya).', value: (m) => m.slug },
  { name: 'url_profil', type: 'teks', description: 'Alamat profil publik usaha.', value: (m, site) => new URL(`/umkm/${m.slug}/`, site).toString() },
  { name: 'nama', type: 'teks', description: 'Nama usaha.', value: (m) => m.name },
  { name: 'deskripsi', type: 'teks', description: 'Deskripsi usaha dari pemiliknya.', value: (m) => m.description },
  { name: 'kategori', type: 'teks', description: 'Kode kategori Etalase Jabar (misalnya kuliner).', value: (m) => m.category },
  { name: 'kategori_nama', type: 'teks', description: 'Nama kategori.', value: (m) => findCategory(m.category)?.name ?? m.category },
  { name: 'kbli', type: 'daftar', description: 'Kode KBLI usaha (5 angka); di CSV dipisah tanda |.', value: (m) => m.kbliCodes },
  { name: 'kbli_edisi', type: 'teks', description: 'Edisi KBLI kode di atas (2020 atau 2025).', value: (m) => m.kbliEdition },
  { name: 'kabupaten_kota_kode', type: 'teks', description: 'Kode Kemendagri kabupaten/kota (32.xx).', value: (m) => m.regencyCode },
  { name: 'kabupaten_kota', type: 'teks', description: 'Nama kabupaten/kota.', value: (m) => findRegency(m.regencyCode)?.name ?? m.regencyCode },
  { name: 'kecamatan_kode', type: 'teks', description: 'Kode Kemendagri kecamatan (32.xx.yy).', value: (m) => m.districtCode },
  { name: 'kecamatan', type: 'teks', description: 'Nama kecamatan.', value: (m) => findDistrict(m.districtCode)?.name ?? m.districtCode },
  { name: 'nib', type: 'teks', description: 'Nomor Induk Berusaha (13 angka) bila pemilik mengisinya; teks, bukan angka.', value: (m) => m.nib },
  { name: 'nib_terverifikasi', type: 'tanggal-waktu', description: 'Kapan petugas mencocokkan NIB dengan OSS; kosong bila belum.', value: (m) => iso(m.nibVerifiedAt) },
  { name: 'sertifikat_halal', type: 'teks', description: 'Nomor sertifikat halal BPJPH bila ada.', value: (m) => m.halalNumber },
  { name: 'pirt', type: 'teks', description: 'Nomor P-IRT (izin pangan industri rumah tangga) bila ada.', value: (m) => m.pirtNumber },
  { name: 'verifikasi', type: 'teks', description: 'Siapa yang memeriksa data: self (pemilik), mentor (pendamping), staff (petugas dengan dokumen).', value: (m) => m.verification },
  { name: 'umkm_juara', type: 'ya/tidak', description: 'Peserta program UMKM Juara.', value: (m) => m.isJuara },
  { name: 'platform', type: 'daftar', description: 'Platform tempat usaha berjualan (tokopedia, shopee, …); di CSV dipisah tanda |.', value: (m) => [...new Set(m.storeLinks.map((l) => l.platform))] },
  { name: 'tautan_toko', type: 'daftar', description: 'Alamat toko online dan media sosial usaha (tanpa tautan yang dua kali tidak ditemukan); di CSV dipisah tanda |.', value: (m) => m.storeLinks.map((l) => l.url) },
  { name: 'harga_terendah', type: 'bilangan bulat', description: 'Harga produk terendah dalam Rupiah; kosong bila tidak ada produk.', value: (m) => (m.products.length ? Math.min(...m.products.map((p) => p.priceMin)) : null) },
  { name: 'harga_tertinggi', type: 'bilangan bulat', description: 'Harga produk tertinggi dalam Rupiah.', value: (m) => (m.products.length ? Math.max(...m.products.map((p) => p.priceMax ?? p.priceMin)) : null) },
  { name: 'jumlah_produk', type: 'bilangan bulat', description: 'Banyak produk yang dicantumkan (rinciannya ada di berkas JSON, kolom produk).', value: (m) => m.products.length },
  { name: 'tayang_sejak', type: 'tanggal-waktu', description: 'Kapan usaha pertama kali tayang (WIB, ISO 8601).', value: (m) => iso(m.publishedAt) },
  { name: 'diperbarui', type: 'tanggal-waktu', description: 'Perubahan terakhir data usaha (WIB, ISO 8601).', value: (m) => iso(m.updatedAt) },
  { name: 'data_contoh', type: 'ya/tidak', description: 'Data contoh untuk uji coba, bukan usaha sungguhan.', value: (m) => m.isSample },
];

/** The JSON file's extra column: each product with its price, unit and when the owner last confirmed the price. */
export const productsField = { name: 'produk', type: 'daftar', description: 'Hanya di JSON: daftar produk, masing-masing {nama, harga_min, harga_maks, satuan, harga_dikonfirmasi}.' } as const;

/** One listing as a JSON object of the snapshot. */
export function openDataRecord(m: OpenDataSource, site: string): Record<string, unknown> {
  const record: Record<string, unknown> = Object.fromEntries(openDataFields.map((f) => [f.name, f.value(m, site)]));
  record[productsField.name] = m.products.map((p) => ({ nama: p.name, harga_min: p.priceMin, harga_maks: p.priceMax, satuan: p.unit, harga_dikonfirmasi: iso(p.priceConfirmedAt) }));
  return record;
}

/** One field of RFC 4180 CSV: quoted when it holds a comma, quote or line break. Lists are joined with |. */
function csvField(value: string | number | boolean | null | string[]): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The snapshot CSV's header line (RFC 4180: comma, CRLF, UTF-8 without BOM, for machines). */
export const openDataCsvHeader = `${openDataFields.map((f) => f.name).join(',')}\r\n`;

/** One listing as a CSV line of the snapshot. */
export const openDataCsvLine = (m: OpenDataSource, site: string): string => `${openDataFields.map((f) => csvField(f.value(m, site))).join(',')}\r\n`;
