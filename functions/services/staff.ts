import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { constantTimeEqual } from '../../src/core/password.ts';
import { findSession, type StaffMember } from '../../db/queries/staff.ts';
import type { StaffRole } from '../../db/schema.ts';
import type { AppDeps } from '../deps.ts';

/**
 * The session cookie: HttpOnly (no script reads it), Secure with the __Host- prefix (HTTPS
 * only, this host only, path /; browsers treat http://localhost as secure too), SameSite=Strict
 * (never sent on a request another site starts).
 */
export const STAFF_COOKIE = '__Host-etalase-staf';

export interface StaffSession {
  member: StaffMember;
  csrfToken: string;
}

/** Administrators manage accounts and may do all a reviewer does. */
export const ADMINS: readonly StaffRole[] = ['admin'];
export const REVIEWERS: readonly StaffRole[] = ['admin', 'reviewer'];
export const ALL_STAFF: readonly StaffRole[] = ['admin', 'reviewer', 'mentor'];
/** Whether a member may review (and see every upload): administrators and reviewers. */
export const canReview = (session: StaffSession) => REVIEWERS.includes(session.member.role);

/** The session behind a cookie's token, if it is one and still valid. */
export async function staffSessionOf(deps: Required<AppDeps>, token: string | undefined): Promise<StaffSession | undefined> {
  const found = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await findSession(deps.db, token, deps.clock()) : undefined;
  return found ? { member: found.member, csrfToken: found.csrfToken } : undefined;
}

/** The signed-in member with one of `roles`, or 401 (not signed in) / 403 (wrong role). */
export function requireRole(session: StaffSession | undefined, roles: readonly StaffRole[]): StaffSession {
  if (!session) throw new AppError('UNAUTHORIZED', messages.staff.signInRequired);
  if (!roles.includes(session.member.role)) throw new AppError('FORBIDDEN', messages.staff.forbidden);
  return session;
}

/**
 * CSRF defence for every state-changing staff request, the same on Node and the Worker:
 * the browser's Origin (or Sec-Fetch-Site) must be this site, and a signed-in form must
 * carry its session's token.
 */
export function checkSameOrigin(request: Request, siteUrl: string) {
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  const allowed = new Set([new URL(siteUrl).origin, new URL(request.url).origin]);
  if (!((origin !== null && allowed.has(origin)) || fetchSite === 'same-origin')) throw new AppError('FORBIDDEN', messages.staff.csrf);
}

export function checkCsrfToken(session: StaffSession, sent: unknown) {
  const encoder = new TextEncoder();
  if (typeof sent !== 'string' || !constantTimeEqual(encoder.encode(sent), encoder.encode(session.csrfToken))) {
    throw new AppError('FORBIDDEN', messages.staff.csrf, { fields: [{ path: 'csrf', message: messages.staff.csrf }] });
  }
}

/** Where a role starts after signing in. */
export const staffHome = (role: StaffRole) => (role === 'mentor' ? '/admin/binaan' : '/admin/antrean');

/** A `lanjut` target is only ever a path inside /admin, never another site. */
export const safeNext = (next: unknown) => (typeof next === 'string' && /^\/admin(\/[A-Za-z0-9/_?=&%.-]*)?$/.test(next) ? next : undefined);

/** How a staff member is named in the audit log. */
export const actorOf = (session: StaffSession) => `staf:${session.member.username}`;
