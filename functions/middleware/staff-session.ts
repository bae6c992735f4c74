import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
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
export const STAFF_COOKIE = 'etalase-staf';

export interface StaffSession {
  member: StaffMember;
  csrfToken: string;
}

export interface AdminEnv {
  Variables: { session: StaffSession | undefined };
}

export function setSessionCookie(c: Context, token: string, expires: Date) {
  setCookie(c, STAFF_COOKIE, token, { prefix: 'host', path: '/', httpOnly: true, secure: true, sameSite: 'Strict', expires });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, STAFF_COOKIE, { prefix: 'host', path: '/', secure: true });
}

export const sessionToken = (c: Context) => getCookie(c, STAFF_COOKIE, 'host');

/** Looks up the session behind the cookie, if any, for every /admin request. */
export function staffSession(deps: Required<AppDeps>): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const found = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await findSession(deps.db, token, deps.clock()) : undefined;
    c.set('session', found ? { member: found.member, csrfToken: found.csrfToken } : undefined);
    await next();
  };
}

/** The signed-in member with one of `roles`, or 401 (not signed in) / 403 (wrong role). */
export function requireStaff(c: Context<AdminEnv>, roles: readonly StaffRole[]): StaffSession {
  const session = c.get('session');
  if (!session) throw new AppError('UNAUTHORIZED', messages.staff.signInRequired);
  if (!roles.includes(session.member.role)) throw new AppError('FORBIDDEN', messages.staff.forbidden);
  return session;
}

/**
 * CSRF defence for every state-changing /admin request, in the Hono app so Node and the
 * Worker behave the same: the browser's Origin (or Sec-Fetch-Site) must be this site, and
 * a signed-in form must carry its session's token.
 */
export function checkOrigin(c: Context, siteUrl: string) {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const allowed = new Set([new URL(siteUrl).origin, new URL(c.req.url).origin]);
  const ok = (origin !== undefined && allowed.has(origin)) || fetchSite === 'same-origin';
  if (!ok) throw new AppError('FORBIDDEN', messages.staff.csrf);
}

export function checkCsrfToken(session: StaffSession, sent: unknown) {
  const encoder = new TextEncoder();
  if (typeof sent !== 'string' || !constantTimeEqual(encoder.encode(sent), encoder.encode(session.csrfToken))) {
    throw new AppError('FORBIDDEN', messages.staff.csrf, { fields: [{ path: 'csrf', message: messages.staff.csrf }] });
  }
}
