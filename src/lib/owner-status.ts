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
    products: data.products.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? '', unit: p.unit ?? '' })),
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
