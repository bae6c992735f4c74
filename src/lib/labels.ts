import { findCategory, findDistrict, findRegency, shortRegencyName } from '../core/reference.ts';
import { findPlatform } from '../core/platforms.ts';

/** Names and labels the site shows for codes, in one place. */
export const categoryName = (slug: string) => findCategory(slug)?.name ?? slug;
export const regencyName = (code: string) => findRegency(code)?.name ?? code;
export const regencyShort = (code: string) => shortRegencyName(regencyName(code));
export const districtName = (code: string) => findDistrict(code)?.name ?? code;
export const platformName = (id: string) => findPlatform(id)?.name ?? id;

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
export const formatDate = (at: Date | string) => dateFormat.format(new Date(at));
const dateTimeFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
/** A moment as the owner's pages write it, in WIB (the caller adds "WIB"). */
export const formatDateTime = (at: Date) => dateTimeFormat.format(at);

export const verificationLabel: Record<string, string> = {
  staff: 'Diverifikasi petugas',
  mentor: 'Diperiksa pendamping',
  self: 'Data dari pemilik',
};

/** The first sentence or so of a description, for cards and meta descriptions. */
export function excerpt(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : max).replace(/[\s.,;:]+$/, '')}…`;
}
