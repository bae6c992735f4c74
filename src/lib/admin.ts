import type { AstroGlobal } from 'astro';
import { AppError } from '../core/errors.ts';
import type { StaffRole } from '../../db/schema.ts';
import { readFormPost } from '../../functions/request-body.ts';
import { checkCsrfToken, checkSameOrigin, requireRole, STAFF_COOKIE, staffSessionOf, type StaffSession } from '../../functions/services/staff.ts';
import { pageProblem, privatePage } from './page-post.ts';

type Page = Pick<AstroGlobal, 'locals' | 'request' | 'clientAddress' | 'response' | 'cookies' | 'url' | 'redirect'>;

/** What a staff page has to work with: the session, or the problem to show instead of the page. */
export type StaffGate = { session: StaffSession; problem?: undefined } | { session: StaffSession | undefined; problem: AppError };

/**
 * Opens a staff page: private headers, the session behind the cookie, and the role the page
 * needs. Not signed in on a GET: the sign-in page, coming back here afterwards (a Response
 * to return). Otherwise a 401 or 403 comes back as the problem to show.
 */
export async function staffGate(page: Page, roles: readonly StaffRole[]): Promise<StaffGate | Response> {
  privatePage(page);
  const session = await staffSessionOf(page.locals.portal.deps, page.cookies.get(STAFF_COOKIE)?.value);
  if (!session && page.request.method === 'GET') {
    const next = `${page.url.pathname}${page.url.search}`;
    return page.redirect(`/admin/masuk?lanjut=${encodeURIComponent(next)}`, 303);
  }
  try {
    return { session: requireRole(session, roles) };
  } catch (error) {
    return { session, problem: pageProblem(page, error) };
  }
}

/** A signed-in form: from this site, within the body limit, with the session's CSRF token (taken out). */
export async function readStaffPost(page: Page, session: StaffSession): Promise<Record<string, unknown>> {
  const { deps } = page.locals.portal;
  checkSameOrigin(page.request, deps.config.SITE_URL);
  const data = await readFormPost(page.request, deps.config.MAX_BODY_KB);
  checkCsrfToken(session, data['csrf']);
  const { csrf: _csrf, ...rest } = data;
  return rest;
}

export const roleLabel: Record<string, string> = { admin: 'administrator', reviewer: 'petugas verifikasi', mentor: 'pendamping UMKM Juara' };

export const adminDate = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export const listingStatusLabel: Record<string, string> = { invited: 'Diundang, belum dikonfirmasi', pending: 'Menunggu verifikasi', published: 'Tayang', rejected: 'Ditolak', removed: 'Dihapus' };

export const duplicateLabel = { nib: 'NIB sama', 'whatsapp-name': 'WhatsApp sama, nama mirip' } as const;

export const auditLabel: Record<string, string> = {
  register: 'Didaftarkan',
  'owner-edit': 'Diubah pemilik',
  'owner-remove': 'Dihapus pemilik',
  approve: 'Disetujui',
  'approve-edit': 'Perubahan disetujui',
  reject: 'Ditolak',
  'reject-edit': 'Perubahan ditolak',
  'verify-nib': 'NIB diverifikasi',
  'verify-halal': 'Sertifikat halal diverifikasi',
  'confirm-prices': 'Harga dinyatakan masih berlaku',
  'mark-juara': 'Ditandai UMKM Juara',
  'unmark-juara': 'Tanda UMKM Juara dicabut',
  'close-report': 'Laporan ditutup',
  'reissue-link': 'Tautan pribadi diganti',
};

/** Who did it, as a person reads it: the owner, a staff account, or the system. */
export const actorLabel = (actor: string) => (actor === 'owner' ? 'Pemilik (tautan pribadi)' : actor.startsWith('staf:') ? actor.slice(5) : actor);

/** An audit entry's details in words. */
export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const parts: string[] = [];
  if (typeof detail['reason'] === 'string') parts.push(`alasan: ${detail['reason']}`);
  if (typeof detail['note'] === 'string') parts.push(`catatan: ${detail['note']}`);
  if (typeof detail['nib'] === 'string') parts.push(`NIB ${detail['nib']}`);
  if (detail['nibChanged'] === true) parts.push('NIB berubah, verifikasi NIB dicabut');
  if (typeof detail['consent'] === 'string') parts.push(detail['consent']);
  return parts.join('; ');
}

/**
 * One side of a changed field, line by line (store links and products are one per line):
 * each line and whether the other side lacks it (removed or added).
 */
export function changedLines(text: string, other: string): { line: string; changed: boolean }[] {
  const others = new Set(other.split('\n'));
  return text === '' ? [] : text.split('\n').map((line) => ({ line, changed: !others.has(line) }));
}

/** What an action's redirect tells the reviewer. */
export const doneNotices: Record<string, string> = {
  setujui: 'Disetujui. Profilnya sudah tampil di situs dan di hasil pencarian.',
  tolak: 'Ditolak. Pemilik melihat alasannya di halaman status pribadinya.',
  nib: 'NIB ditandai terverifikasi.',
  juara: 'Tanda UMKM Juara diperbarui.',
  'hapus-foto': 'Foto dihapus beserta berkasnya.',
  laporan: 'Laporan ditutup.',
};
