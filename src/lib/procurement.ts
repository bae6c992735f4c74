import type { SupplierJson } from '../core/supplier-schema.ts';

const date = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' });

/** A date as the procurement pages write it, in WIB. */
export const day = (at: string | Date | null) => (at ? date.format(new Date(at)) : '');

export const verificationText: Record<string, string> = {
  staff: 'Diverifikasi petugas',
  mentor: 'Diperiksa pendamping',
  self: 'Data dari pemilik (belum diverifikasi)',
};

/** How a supplier was checked, with the date. */
export const verificationOf = (s: SupplierJson) => `${verificationText[s.verification.level] ?? s.verification.level}${s.verification.verifiedAt ? `, ${day(s.verification.verifiedAt)}` : ''}`;

/** A link of the API's result set as the same view of /pengadaan/. */
export const asPageLink = (apiLink: string) => apiLink.replace('/api/suppliers', '/pengadaan/');
