import { createAccountsWithLinks, resetWithLink, setDisabled, usePasswordLink } from '../../db/queries/staff.ts';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { newAccountSchema, parseMentorList, setPasswordSchema } from '../../src/core/staff.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import type { AppDeps } from '../deps.ts';
import { actorOf, type StaffSession } from './staff.ts';

/** A one-time link to set a password, as the administrator hands it over. */
export const passwordLinkUrl = (deps: Pick<AppDeps, 'config'>, token: string) => new URL(`/admin/sandi/${token}`, deps.config.SITE_URL).toString();

/** An administrator makes one account (any role); its holder sets the password through the link shown once. */
export async function createAccount(deps: Required<AppDeps>, session: StaffSession, sent: Record<string, unknown>) {
  const parsed = newAccountSchema.safeParse({ username: sent['username'], displayName: sent['displayName'], role: sent['role'] });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: toFieldErrors(parsed.error) });
  const [made] = await createAccountsWithLinks(deps.db, [parsed.data], deps.clock(), actorOf(session));
  return [{ username: made!.username, url: passwordLinkUrl(deps, made!.token) }];
}

/** The year's mentors from a pasted list, in one step: all made (each with its link) or none, every bad line named. */
export async function createMentors(deps: Required<AppDeps>, session: StaffSession, sent: Record<string, unknown>) {
  const { accounts, problems } = parseMentorList(typeof sent['daftar'] === 'string' ? sent['daftar'] : '');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join(' '), { fields: [{ path: 'daftar', message: problems.join(' ') }] });
  const made = await createAccountsWithLinks(deps.db, accounts.map((a) => ({ ...a, role: 'mentor' as const })), deps.clock(), actorOf(session));
  return made.map((m) => ({ username: m.username, url: passwordLinkUrl(deps, m.token) }));
}

/** Disable, enable, or reset the password (a new one-time link) of an account. */
export async function changeAccount(deps: Required<AppDeps>, session: StaffSession, username: string, action: string) {
  const now = deps.clock();
  if (action === 'nonaktifkan' || action === 'aktifkan') {
    await setDisabled(deps.db, username, action === 'nonaktifkan', now, actorOf(session));
    return [];
  }
  if (action === 'atur-ulang-sandi') return [{ username, url: passwordLinkUrl(deps, await resetWithLink(deps.db, username, now, actorOf(session))) }];
  throw new AppError('VALIDATION_FAILED', messages.staff.accountAction, { fields: [{ path: 'aksi', message: messages.staff.accountAction }] });
}

/** The holder of a one-time link sets their password (typed twice). */
export async function setPasswordByLink(deps: Required<AppDeps>, token: string, sent: Record<string, unknown>) {
  const parsed = setPasswordSchema.safeParse({ password: sent['password'], confirm: sent['confirm'] });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: toFieldErrors(parsed.error) });
  return usePasswordLink(deps.db, token, parsed.data.password, deps.clock());
}
