import type { StoreLinkReason } from './store-link.ts';
import type { PhoneResult } from './phone.ts';
import { platforms } from './platforms.ts';

/** Every user-facing message of the core and the API, in Bahasa Indonesia, kept together for review. */
export const messages = {
  required: 'Wajib diisi.',
  tooShort: (min: number) => `Terlalu pendek: minimal ${min} karakter.`,
  tooLong: (max: number) => `Terlalu panjang: maksimal ${max} karakter.`,
  noMarkup: 'Tidak boleh berisi kode HTML atau skrip (tanda < dan >).',
  category: 'Pilih salah satu kategori yang tersedia.',
  regency: 'Pilih kabupaten/kota di Jawa Barat.',
  district: 'Pilih kecamatan yang ada di kabupaten/kota tersebut.',
  kbli: 'Kode KBLI terdiri dari 5 angka, misalnya 10794.',
  kbliFilter: 'Kode KBLI berisi 2 sampai 5 angka, misalnya 10 atau 10794.',
  kbliMax: (max: number) => `Paling banyak ${max} kode KBLI.`,
  nib: 'NIB terdiri dari 13 angka, seperti tertera di dokumen OSS.',
  pirt: 'Nomor P-IRT terdiri dari 15 angka, misalnya 2063273010234-27.',
  halal: 'Nomor sertifikat halal diawali "ID" lalu angka, misalnya ID32110000123450123.',
  storeLinksMin: 'Isi minimal satu tautan toko online atau media sosial usaha Anda.',
  storeLinksMax: (max: number) => `Paling banyak ${max} tautan toko.`,
  storeLinkDuplicate: 'Tautan ini sudah diisi di atas.',
  productsMax: (max: number) => `Paling banyak ${max} produk.`,
  price: 'Tulis harga dalam rupiah, misalnya 15000 atau 15.000.',
  priceOrder: 'Harga tertinggi tidak boleh lebih kecil dari harga terendah.',
  priceMax: 'Harga terlalu besar.',
  consent: 'Centang persetujuan agar data usaha Anda boleh ditampilkan di Etalase Jabar.',
  unknownField: (name: string) => `Kolom "${name}" tidak dikenal.`,
  invalidType: 'Isian tidak sesuai format.',
  email: 'Alamat email tidak valid, misalnya nama@contoh.id.',
  validationFailed: 'Ada isian yang perlu diperbaiki.',
  badRequest: 'Permintaan tidak valid.',
  invalidJson: 'Isi permintaan bukan JSON yang valid.',
  unsupportedMediaType: 'Kirim data sebagai JSON atau formulir (application/x-www-form-urlencoded).',
  payloadTooLarge: (kb: number) => `Data yang dikirim terlalu besar (maksimal ${kb} kB).`,
  notFound: 'Halaman atau data tidak ditemukan.',
  msmeNotFound: 'UMKM dengan alamat ini tidak ditemukan atau belum tayang.',
  registrationNotFound: 'Pendaftaran tidak ditemukan. Periksa kembali tautan status Anda.',
  methodNotAllowed: 'Metode permintaan ini tidak didukung.',
  rateLimited: (seconds: number) => `Terlalu banyak pengiriman dari perangkat ini. Coba lagi dalam ${seconds} detik.`,
  honeypot: 'Pengiriman ditolak. Kosongkan kolom yang tersembunyi lalu kirim lagi.',
  reportReason: 'Pilih salah satu alasan laporan.',
  reportThanks: 'Terima kasih. Laporan Anda sudah kami terima dan akan diperiksa petugas Dinas KUMKM.',
  posterSize: 'Ukuran poster: a4 atau a6.',
  staleEdit: 'Data ini sudah diubah dari halaman lain sejak Anda membukanya. Muat ulang halaman, periksa perubahannya, lalu kirim lagi.',
  version: 'Versi data tidak valid. Muat ulang halaman lalu kirim lagi.',
  removeConfirm: 'Centang konfirmasi untuk menghapus listing.',
  internal: 'Terjadi kesalahan di server kami. Silakan coba lagi beberapa saat lagi.',
  page: 'Nomor halaman harus bilangan bulat mulai dari 1.',
  perPage: 'Jumlah per halaman harus antara 1 dan 100.',
  query: 'Kata kunci maksimal 100 karakter.',
  flag: 'Gunakan nilai 1/true atau 0/false.',
  platform: 'Platform tidak dikenal.',
  unknownParam: (name: string) => `Parameter "${name}" tidak dikenal.`,
  exportFormat: 'Pilih format unduhan: csv atau json.',
  exportSlugs: (max: number) => `Daftar pendek berisi slug yang dipisah koma, paling banyak ${max}.`,
  exportNoPaging: 'Unduhan selalu berisi seluruh hasil; hapus parameter page dan per_page.',
  repeatedParam: (name: string) => `Parameter "${name}" hanya boleh diisi sekali.`,
} as const;

export const phoneMessages: Record<Extract<PhoneResult, { ok: false }>['reason'], string> = {
  empty: 'Wajib diisi: nomor WhatsApp usaha, misalnya 0812-3456-7890.',
  characters: 'Nomor hanya boleh berisi angka, spasi, titik, tanda hubung atau awalan +.',
  not_mobile: 'Gunakan nomor ponsel Indonesia yang terdaftar di WhatsApp (diawali 08 atau +628).',
  length: 'Jumlah angka nomor ponsel tidak sesuai (biasanya 10 sampai 13 angka, diawali 08).',
};

const known = platforms.filter((p) => !p.legacy).map((p) => p.name);

export const storeLinkMessages: Record<StoreLinkReason, string> = {
  empty: 'Wajib diisi.',
  not_url: 'Ini bukan tautan yang valid. Salin tautan dari aplikasi toko Anda, misalnya https://www.tokopedia.com/namatoko.',
  not_https: 'Hanya tautan yang diawali https:// yang diterima.',
  credentials: 'Tautan tidak boleh berisi nama pengguna atau kata sandi.',
  port: 'Tautan tidak boleh berisi nomor port.',
  unknown_host: `Platform ini belum dikenali. Gunakan tautan dari ${known.join(', ')}.`,
  not_shop_page: 'Tautan ini bukan halaman toko. Buka halaman toko Anda (bukan halaman produk atau pencarian) lalu salin tautannya.',
  too_long: 'Tautan terlalu panjang.',
};
