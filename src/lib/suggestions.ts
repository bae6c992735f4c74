import { categories, regencies, regencyPathSegment } from '../core/reference.ts';

/** One thing the search box can suggest while someone types: a category, a place or a page of the portal. */
export interface Suggestion {
  url: string;
  title: string;
  /** What it is, shown beside it: "Kategori", "Kabupaten/kota", "Kecamatan", "Halaman". */
  kind: string;
  /** The words it is found by. */
  content: string;
}

/** The portal's own pages worth suggesting. */
const pages: Suggestion[] = [
  { url: '/daftar/', title: 'Daftarkan usaha', kind: 'Halaman', content: 'daftar daftarkan usaha gratis tanpa akun pemilik UMKM toko online' },
  { url: '/pengadaan/', title: 'Cari pemasok untuk pengadaan', kind: 'Halaman', content: 'pengadaan pemasok barang jasa pemerintah penyedia NIB halal KBLI' },
  { url: '/privasi/', title: 'Kebijakan privasi', kind: 'Halaman', content: 'privasi data pribadi UU PDP hapus data' },
  { url: '/status/', title: 'Status pendaftaran', kind: 'Halaman', content: 'status pendaftaran tautan pribadi ubah hapus listing' },
];

/**
 * Everything the search page suggests as you type, a few hundred small records: the
 * categories, the 27 kabupaten/kota, their 627 kecamatan and the portal's own pages.
 * Pagefind indexes them at build time (they change only with the code), so a suggestion
 * costs no server request; listings themselves are searched on the server.
 */
export function suggestionRecords(): Suggestion[] {
  return [
    ...categories.map((c) => ({ url: `/kategori/${c.slug}/`, title: c.name, kind: 'Kategori', content: `${c.name} ${c.description}` })),
    ...regencies.map((r) => ({ url: `/wilayah/${regencyPathSegment(r.code)}/`, title: r.name, kind: 'Kabupaten/kota', content: r.name })),
    ...regencies.flatMap((r) =>
      r.districts.map((d) => ({
        url: `/cari/?${new URLSearchParams({ q: d.name, wilayah: r.code })}`,
        title: `${d.name}, ${r.name}`,
        kind: 'Kecamatan',
        content: `${d.name} ${r.name}`,
      })),
    ),
    ...pages,
  ];
}
