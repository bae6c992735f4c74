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

/** A halal certificate as buyers read it: the number, and whether staff checked it (when) or it is the owner's word. */
export const halalText = (s: SupplierJson) =>
  s.halalNumber ? `${s.halalNumber}${s.halalVerifiedAt ? ` (terverifikasi petugas ${day(s.halalVerifiedAt)})` : ' (dinyatakan pemilik)'}` : '';

/** A link of the API's result set as the same view of /pengadaan/. */
export const asPageLink = (apiLink: string) => apiLink.replace('/api/suppliers', '/pengadaan/');

/** At most this many suppliers on a shortlist (the compare page's limit). */
export const SHORTLIST_MAX = 50;

/**
 * The shortlist an address carries (`?pilih=a,b`): the suppliers a buyer picked without
 * JavaScript, kept by every link and form of /pengadaan/. Malformed slugs are dropped.
 */
export function chosenSlugs(params: URLSearchParams): string[] {
  const raw = (params.get('pilih') ?? '').split(',').filter((s) => /^[a-z0-9-]{1,80}$/.test(s));
  return [...new Set(raw)].slice(0, SHORTLIST_MAX);
}

/** The same address with the shortlist set to `slugs` (none: without `pilih`). */
export function withChosen(href: string, slugs: string[]): string {
  const url = new URL(href, 'http://x');
  if (slugs.length > 0) url.searchParams.set('pilih', slugs.join(','));
  else url.searchParams.delete('pilih');
  return `${url.pathname}${url.search}`;
}
