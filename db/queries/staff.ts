import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src/core/password.ts';
import { lockoutMinutes, SESSION_HOURS, SESSION_IDLE_MINUTES, type NewStaff } from '../../src/core/staff.ts';
import { hashToken, newToken } from '../../src/core/token.ts';
import type { Db } from '../client.ts';
import { staff, staffSessions, type StaffRole } from '../schema.ts';

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
export async function updateAccount(db: Db, username: string, change: { password: string } | { disabled: boolean }, now: Date) {
  const set =
    'password' in change
      ? { passwordHash: await hashPassword(change.password), failedAttempts: 0, lockedUntil: null }
      : { disabledAt: change.disabled ? now : null };
  const [row] = await db.update(staff).set(set).where(eq(staff.username, username.trim().toLowerCase())).returning({ id: staff.id });
  if (!row) throw new AppError('NOT_FOUND', messages.staff.unknownAccount);
  await db.delete(staffSessions).where(eq(staffSessions.staffId, row.id));
}
