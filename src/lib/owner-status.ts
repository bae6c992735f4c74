import type { OwnListing } from '../../db/queries/owner.ts';
import { priceAge, PRICE_STALE_DAYS } from '../core/price-age.ts';
import { formatPhoneLocal } from '../core/phone.ts';
import type { ListingData } from '../core/listing-diff.ts';

/** What each status means to the owner, on their private page. */
export const statusText: Record<string, { label: string; explain: string }> = {
  invited: {
    label: 'Menunggu konfirmasi Anda',
    explain: 'Data usaha ini diisi program pendampingan untuk Anda. Tidak ada yang tampil sebelum Anda memeriksa dan mengonfirmasinya. Bila tidak berkenan, tolak: datanya kami hapus.',
  },
  pending: {
    label: 'Menunggu verifikasi',
    explain: 'Petugas Dinas KUMKM akan memeriksa data Anda, biasanya dalam 1–3 hari kerja. Setelah disetujui, profil usaha tampil di Etalase Jabar.',
  },
  published: { label: 'Tayang', explain: 'Profil usaha Anda sudah tampil di Etalase Jabar.' },
  rejected: { label: 'Ditolak', explain: 'Pendaftaran belum dapat ditampilkan.' },
  removed: { label: 'Dihapus', explain: 'Listing ini sudah dihapus atas permintaan pemilik.' },
};

/** Stored data as the values of the registration form, so the owner edits what is there. */
export function formValues(data: ListingData): Record<string, unknown> {
  return {
    ...data,
    kbliCodes: data.kbliCodes.join(', '),
    whatsapp: formatPhoneLocal(data.whatsapp),
    address: data.address ?? '',
    email: data.email ?? '',
    nib: data.nib ?? '',
    halalNumber: data.halalNumber ?? '',
    pirtNumber: data.pirtNumber ?? '',
    openingHours: data.openingHours ?? '',
    madeToOrder: data.madeToOrder ? '1' : '',
    deliveryArea: data.deliveryArea ?? '',
    minOrder: data.minOrder ?? '',
    bulkOrders: data.bulkOrders ? '1' : '',
    mapUrl: data.mapUrl ?? '',
    storeLinks: data.storeLinks.map((l) => (typeof l === 'string' ? l : l.url)),
    products: data.products.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? '', unit: p.unit ?? '', url: p.url ?? '' })),
  };
}

/** The notices the owner's page shows after a redirect (?diubah=1 and so on). */
export const ownerNotices = {
  diubah: 'Perubahan terkirim. Petugas akan memeriksanya; sampai disetujui, profil yang tayang tidak berubah.',
  dihapus: 'Listing sudah dihapus. Data usaha Anda tidak lagi disimpan; halaman profilnya sudah hilang dari situs.',
  harga: 'Terima kasih. Harga semua produk Anda tercatat masih berlaku per hari ini.',
  foto: 'Foto tersimpan. Petugas memeriksanya dulu; setelah disetujui, foto tampil di profil usaha Anda.',
  fotodihapus: 'Foto sudah dihapus, juga dari profil usaha Anda.',
  dikonfirmasi: 'Terima kasih. Data usaha Anda sudah dikonfirmasi dan sedang diperiksa petugas; setelah disetujui, profilnya tampil di Etalase Jabar.',
  ditolak: 'Undangan ditolak. Data usaha yang diisi program untuk Anda sudah dihapus.',
  email: 'Salinan tautan ini juga sudah dikirim ke email Anda. Periksa juga folder spam.',
} as const;

/** The one thing the owner should do next, shown first on their private page. */
export interface NextStep {
  title: string;
  text: string;
  href?: string;
  label?: string;
}

/**
 * What comes next for this listing, in order of what matters: fix a refused registration,
 * a store link that stopped working, add photos, confirm old prices, wait for review, or
 * share the profile. None for an invitation (its own box says it) or a removed listing.
 */
export function nextStep(own: Pick<OwnListing, 'listing' | 'linkProblems' | 'photos' | 'current'>, base: string, now: Date): NextStep | undefined {
  const { status, slug } = own.listing;
  if (status === 'invited' || status === 'removed') return undefined;
  if (status === 'rejected') return { title: 'Perbaiki lalu kirim lagi', text: 'Baca alasan petugas di atas, perbaiki datanya, lalu kirim lagi untuk diperiksa.', href: `${base}/ubah`, label: 'Perbaiki data usaha' };
  if (status === 'published' && own.linkProblems.length > 0) return { title: 'Periksa tautan toko Anda', text: 'Ada tautan toko yang tidak dapat dibuka (lihat di bawah). Perbarui atau hapus tautannya.', href: `${base}/ubah`, label: 'Perbarui tautan toko' };
  if (own.photos.length === 0) return { title: 'Tambahkan foto produk', text: 'Profil dengan foto lebih sering dibuka pembeli. Foto pertama tampil paling atas di profil dan di daftar.', href: '#foto', label: 'Tambah foto' };
  // Only a listing with products has prices to confirm (and a Harga produk section to go to).
  const age = priceAge(own.current.pricesConfirmedAt, now);
  if (status === 'published' && own.current.products.length > 0 && (!own.current.pricesConfirmedAt || age?.stale)) return { title: 'Pastikan harga masih berlaku', text: `Harga yang lebih dari ${PRICE_STALE_DAYS} hari ditandai lama bagi pembeli. Satu ketukan di bagian Harga produk.`, href: '#harga', label: 'Ke harga produk' };
  if (status === 'pending') return { title: 'Tunggu pemeriksaan petugas', text: 'Biasanya 1–3 hari kerja. Simpan tautan pribadi di bawah supaya Anda bisa melihat statusnya kapan saja.' };
  return { title: 'Bagikan profil usaha Anda', text: 'Kirim tautan profil ke pelanggan dan grup WhatsApp, atau cetak poster dengan kode QR untuk tempat usaha.', href: `/umkm/${slug}/`, label: 'Lihat dan bagikan profil' };
}
