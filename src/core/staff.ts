import { z } from 'zod';
import { messages } from './messages.ts';
import { freeText } from './free-text.ts';

/** Sign-in attempts allowed before an account waits; each further failure doubles the wait. */
export const LOCKOUT = { attempts: 5, baseMinutes: 15, maxMinutes: 24 * 60 } as const;

/** How long an account waits after `failedAttempts` failures in a row (0 while under the threshold). */
export function lockoutMinutes(failedAttempts: number): number {
  if (failedAttempts < LOCKOUT.attempts) return 0;
  return Math.min(LOCKOUT.maxMinutes, LOCKOUT.baseMinutes * 2 ** (failedAttempts - LOCKOUT.attempts));
}

/** A staff session lasts a working day at most, and ends after two idle hours. */
export const SESSION_HOURS = 10;
export const SESSION_IDLE_MINUTES = 120;

const username = z
  .string({ error: messages.staff.username })
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, messages.staff.username));

/** The sign-in form. The password is not trimmed or cleaned: it is checked as typed. */
export const signInSchema = z.object({
  username: z.string({ error: messages.required }).trim().min(1, messages.required).max(64, messages.tooLong(64)),
  password: z.string({ error: messages.required }).min(1, messages.required).max(200, messages.tooLong(200)),
});

/** A new staff account (npm run admin:create). */
export const newStaffSchema = z.strictObject({
  username,
  displayName: freeText(2, 80),
  role: z.enum(['admin', 'reviewer', 'mentor'], { error: messages.staff.role }),
  password: z.string({ error: messages.required }).min(12, messages.staff.passwordShort).max(200, messages.tooLong(200)),
});

export type NewStaff = z.output<typeof newStaffSchema>;

/** The review queue's filters, from the query string (a bookmarkable GET form). */
export const queueFilterSchema = z.strictObject({
  jenis: z.enum(['', 'baru', 'ubah', 'foto'], { error: messages.staff.queueKind }).optional(),
  wilayah: z
    .string()
    .regex(/^(32\.\d{2})?$/, messages.regency)
    .optional(),
  q: z.string().max(100, messages.query).optional(),
  duplikat: z.enum(['1'], { error: messages.flag }).optional(),
});

const newPassword = z.string({ error: messages.required }).min(12, messages.staff.passwordShort).max(200, messages.tooLong(200));

/** A staff member changing their own password: the current one, and the new one twice. */
export const passwordChangeSchema = z
  .strictObject({
    current: z.string({ error: messages.required }).min(1, messages.required).max(200, messages.tooLong(200)),
    password: newPassword,
    repeat: z.string({ error: messages.required }),
  })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: messages.staff.passwordMismatch })
  .refine((v) => v.password !== v.current, { path: ['password'], message: messages.staff.passwordSame });

export { newPassword };

/** Setting a password through a one-time link: the new one, typed twice. */
export const setPasswordSchema = z
  .strictObject({ password: newPassword, confirm: z.string({ error: messages.required }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: messages.staff.passwordMismatch });

/** A new account made by an administrator on /admin/petugas: no password, a one-time link to set one. */
export const newAccountSchema = z.strictObject({
  username,
  displayName: freeText(2, 80),
  role: z.enum(['admin', 'reviewer', 'mentor'], { error: messages.staff.role }),
});

/**
 * The year's mentors pasted as lines "username, Nama Lengkap" (or with a tab or ;), as
 * copied from a spreadsheet; every bad line is named by its number.
 */
export function parseMentorList(text: string): { accounts: { username: string; displayName: string }[]; problems: string[] } {
  const accounts: { username: string; displayName: string }[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const [user = '', ...rest] = line.split(/[,;\t]/);
    const parsed = newAccountSchema.safeParse({ username: user, displayName: rest.join(' ').trim(), role: 'mentor' });
    if (!parsed.success) problems.push(`Baris ${i + 1} ("${line.trim().slice(0, 60)}"): ${parsed.error.issues.map((x) => x.message).join(' ')}`);
    else if (seen.has(parsed.data.username)) problems.push(`Baris ${i + 1}: nama pengguna ${parsed.data.username} sudah ada di baris sebelumnya.`);
    else {
      seen.add(parsed.data.username);
      accounts.push({ username: parsed.data.username, displayName: parsed.data.displayName });
    }
  });
  if (accounts.length === 0 && problems.length === 0) problems.push('Tempel daftar pendamping: satu per baris, "nama_pengguna, Nama Lengkap".');
  if (accounts.length > 500) problems.push('Paling banyak 500 pendamping sekali buat.');
  return { accounts, problems };
}
