import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src/core/password.ts';
import { lockoutMinutes, SESSION_HOURS, SESSION_IDLE_MINUTES, type NewStaff } from '../../src/core/staff.ts';
import { hashToken, newToken } from '../../src/core/token.ts';
import type { Db } from '../client.ts';
import { staff, staffAudit, staffSessions, type StaffRole } from '../schema.ts';

/** The signed-in person as routes see them. */
export interface StaffMember {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
}

/** Creates an account with a hashed password; CONFLICT if the username is taken. */
export async function createStaff(db: Db, input: NewStaff, now: Date): Promise<StaffMember> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(staff)
    .values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role });
  if (!row) throw new AppError('CONFLICT', messages.staff.usernameTaken, { fields: [{ path: 'username', message: messages.staff.usernameTaken }] });
  await db.insert(staffAudit).values({ actor: 'baris-perintah', action: 'account-create', target: row.username, at: now, detail: { role: row.role } });
  return row;
}

/**
 * Checks a username and password. Unknown names cost the same hash as known ones, failures
 * are counted per account, and an account past the threshold waits (RATE_LIMITED with
 * Retry-After) without its password even being checked.
 */
export async function signIn(db: Db, username: string, password: string, now: Date): Promise<StaffMember> {
  const [account] = await db.select().from(staff).where(eq(staff.username, username.trim().toLowerCase()));
  if (account?.lockedUntil && account.lockedUntil > now) {
    const seconds = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', messages.staff.locked(Math.ceil(seconds / 60)), { headers: { 'retry-after': String(seconds) } });
  }
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
  // A disabled account answers like a wrong password, after the same work.
  if (!account || !ok || account.disabledAt) {
    if (account) {
      // Counted in one statement, so attempts sent in parallel are all counted.
      const [counted] = await db
        .update(staff)
        .set({ failedAttempts: sql`${staff.failedAttempts} + 1` })
        .where(eq(staff.id, account.id))
        .returning({ failed: staff.failedAttempts });
      const minutes = lockoutMinutes(counted?.failed ?? 0);
      if (minutes > 0) await db.update(staff).set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) }).where(eq(staff.id, account.id));
    }
    throw new AppError('UNAUTHORIZED', messages.staff.badCredentials);
  }
  if (account.failedAttempts > 0) await db.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, account.id));
  return { id: account.id, username: account.username, displayName: account.displayName, role: account.role };
}

/** Opens a session; returns the cookie token (stored only as a hash) and the form token. */
export async function openSession(db: Db, staffId: number, now: Date) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
  await db.delete(staffSessions).where(or(lt(staffSessions.expiresAt, now), lt(staffSessions.lastSeenAt, idleSince)));
  await db.insert(staffSessions).values({ tokenHash: await hashToken(token), staffId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/**
 * The session behind a cookie token, with its staff member, if it has not expired, has not
 * been idle too long and its account is not disabled. Marks it seen (at most every 5 minutes).
 */
export async function findSession(db: Db, token: string, now: Date) {
  const tokenHash = await hashToken(token);
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
  const [row] = await db
    .select({
      csrfToken: staffSessions.csrfToken,
      expiresAt: staffSessions.expiresAt,
      lastSeenAt: staffSessions.lastSeenAt,
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now), gt(staffSessions.lastSeenAt, idleSince), isNull(staff.disabledAt)));
  if (!row) return undefined;
  const { csrfToken, expiresAt, lastSeenAt, ...member } = row;
  if (now.getTime() - lastSeenAt.getTime() > 5 * 60_000) await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
  return { member: member as StaffMember, csrfToken, expiresAt };
}

/** Signs out: the session is gone from the database, so a copied cookie no longer works. */
export async function closeSession(db: Db, token: string) {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, await hashToken(token)));
}

/** Number of staff accounts, for the start script's hint. */
export async function countStaff(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(staff);
  return row?.n ?? 0;
}

/** A member changes their own password; every other session of the account ends. */
export async function changePassword(db: Db, staffId: number, current: string, next: string, keepSessionToken: string) {
  const [account] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!account || !(await verifyPassword(current, account.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', messages.staff.passwordWrong, { fields: [{ path: 'current', message: messages.staff.passwordWrong }] });
  }
  await db.update(staff).set({ passwordHash: await hashPassword(next) }).where(eq(staff.id, staffId));
  const keep = await hashToken(keepSessionToken);
  await db.delete(staffSessions).where(and(eq(staffSessions.staffId, staffId), ne(staffSessions.tokenHash, keep)));
}

/**
 * What an administrator does from the command line: set a new password (also lifting a
 * lockout), or disable/enable an account. Every change ends the account's sessions.
 */
export async function updateAccount(db: Db, username: string, change: { password: string } | { disabled: boolean }, now: Date, actor = 'baris-perintah') {
  const set =
    'password' in change
      ? { passwordHash: await hashPassword(change.password), failedAttempts: 0, lockedUntil: null }
      : { disabledAt: change.disabled ? now : null };
  const [row] = await db.update(staff).set(set).where(eq(staff.username, username.trim().toLowerCase())).returning({ id: staff.id });
  if (!row) throw new AppError('NOT_FOUND', messages.staff.unknownAccount);
  await db.delete(staffSessions).where(eq(staffSessions.staffId, row.id));
  await auditStaff(db, actor, 'password' in change ? 'password-reset' : change.disabled ? 'account-disable' : 'account-enable', username.trim().toLowerCase(), now);
}

/** How long a one-time password link works. */
export const PASSWORD_LINK_DAYS = 7;

/** An account as the administrators' page lists it. */
export async function listAccounts(db: Db) {
  return db
    .select({ id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role, disabledAt: staff.disabledAt, lockedUntil: staff.lockedUntil, passwordLinkExpires: staff.passwordLinkExpires, createdAt: staff.createdAt })
    .from(staff)
    .orderBy(staff.role, staff.username);
}

/** The last changes to staff accounts, newest first. */
export async function recentStaffAudit(db: Db, limit = 50) {
  return db.select().from(staffAudit).orderBy(sql`${staffAudit.id} DESC`).limit(limit);
}

const auditStaff = (db: Db, actor: string, action: string, target: string, at: Date, detail?: Record<string, unknown>) => db.insert(staffAudit).values({ actor, action, target, at, detail: detail ?? null });

/**
 * New accounts without a password, each with a one-time link (valid 7 days) to set one, in
 * one transaction: all are made or none (a name taken refuses the whole list, named).
 * Returns each account's link token (only its hash is stored).
 */
export async function createAccountsWithLinks(db: Db, accounts: { username: string; displayName: string; role: StaffRole }[], now: Date, actor: string): Promise<{ username: string; token: string }[]> {
  const taken = await db.select({ username: staff.username }).from(staff).where(inArray(staff.username, accounts.map((a) => a.username)));
  if (taken.length > 0) {
    const message = `Nama pengguna sudah dipakai: ${taken.map((t) => t.username).join(', ')}. Tidak ada akun yang dibuat.`;
    throw new AppError('CONFLICT', message, { fields: [{ path: 'username', message }] });
  }
  const links = await Promise.all(accounts.map(async (a) => ({ ...a, token: newToken() })));
  const hashed = await Promise.all(links.map(async (l) => ({ ...l, hash: await hashToken(l.token) })));
  await db.transaction(async (tx) => {
    for (const a of hashed) {
      // '!' is no password hash at all: the account cannot sign in until its link sets one.
      await tx.insert(staff).values({ username: a.username, displayName: a.displayName, role: a.role, passwordHash: '!', passwordLinkHash: a.hash, passwordLinkExpires: new Date(now.getTime() + PASSWORD_LINK_DAYS * 86_400_000), createdAt: now });
      await tx.insert(staffAudit).values({ actor, action: 'account-create', target: a.username, at: now, detail: { role: a.role } });
    }
  });
  return hashed.map((a) => ({ username: a.username, token: a.token }));
}

/** A new one-time link for an account (a forgotten password): the old password stops working, every session ends, a lockout lifts. */
export async function resetWithLink(db: Db, username: string, now: Date, actor: string): Promise<string> {
  const token = newToken();
  const [row] = await db
    .update(staff)
    .set({ passwordHash: '!', passwordLinkHash: await hashToken(token), passwordLinkExpires: new Date(now.getTime() + PASSWORD_LINK_DAYS * 86_400_000), failedAttempts: 0, lockedUntil: null })
    .where(eq(staff.username, username))
    .returning({ id: staff.id });
  if (!row) throw new AppError('NOT_FOUND', messages.staff.unknownAccount);
  await db.delete(staffSessions).where(eq(staffSessions.staffId, row.id));
  await auditStaff(db, actor, 'password-reset', username, now);
  return token;
}

/**
 * Disables or enables an account (a disabled one's sessions end at once). The last enabled
 * administrator cannot be disabled, by anyone, themselves included: someone must be left to
 * manage accounts.
 */
export async function setDisabled(db: Db, username: string, disabled: boolean, now: Date, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx.select({ id: staff.id, role: staff.role, disabledAt: staff.disabledAt }).from(staff).where(eq(staff.username, username));
    if (!account) throw new AppError('NOT_FOUND', messages.staff.unknownAccount);
    if (disabled && account.role === 'admin' && !account.disabledAt) {
      const [{ n }] = (await tx.select({ n: sql<number>`count(*)` }).from(staff).where(and(eq(staff.role, 'admin'), isNull(staff.disabledAt)))) as [{ n: number }];
      if (Number(n) <= 1) throw new AppError('CONFLICT', messages.staff.lastAdmin);
    }
    await tx.update(staff).set({ disabledAt: disabled ? now : null }).where(eq(staff.id, account.id));
    if (disabled) await tx.delete(staffSessions).where(eq(staffSessions.staffId, account.id));
    await tx.insert(staffAudit).values({ actor, action: disabled ? 'account-disable' : 'account-enable', target: username, at: now, detail: null });
  });
}

/** Sets the password through a one-time link (once, within 7 days, on an enabled account). */
export async function usePasswordLink(db: Db, token: string, password: string, now: Date): Promise<string> {
  const hash = await hashToken(token);
  const [account] = await db.select({ id: staff.id, username: staff.username }).from(staff).where(and(eq(staff.passwordLinkHash, hash), gt(staff.passwordLinkExpires, now), isNull(staff.disabledAt)));
  if (!account) throw new AppError('NOT_FOUND', messages.staff.passwordLinkInvalid);
  await db.update(staff).set({ passwordHash: await hashPassword(password), passwordLinkHash: null, passwordLinkExpires: null, failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, account.id));
  await auditStaff(db, account.username, 'password-set', account.username, now);
  return account.username;
}

/** Whether a one-time link still works (for its page), and for whom. */
export async function passwordLinkAccount(db: Db, token: string, now: Date) {
  const [account] = await db.select({ username: staff.username, displayName: staff.displayName }).from(staff).where(and(eq(staff.passwordLinkHash, await hashToken(token)), gt(staff.passwordLinkExpires, now), isNull(staff.disabledAt)));
  return account;
}
