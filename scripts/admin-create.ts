import { openDb } from '../db/local.ts';
import { createStaff } from '../db/queries/staff.ts';
import { AppError } from '../src/core/errors.ts';
import { newStaffSchema } from '../src/core/staff.ts';
import { toFieldErrors } from '../src/core/validation.ts';
import { argValue, fail, say, loadConfig } from './cli.ts';
import { readPassword } from './password-prompt.ts';

/**
 * `npm run admin:create -- --username budi --name "Budi Santoso" --role reviewer`: makes a
 * staff account. The password is asked twice without echo, or read from ADMIN_PASSWORD
 * when there is no terminal (scripts, CI); it is never a command-line argument, which
 * would end up in the shell history.
 */
const usage = 'npm run admin:create -- --username budi --name "Budi Santoso" --role reviewer|mentor';

const input = { username: argValue('username'), displayName: argValue('name'), role: argValue('role') };
if (!input.username || !input.displayName || !input.role) fail('Nama pengguna, nama dan peran wajib diisi.', usage);
const parsed = newStaffSchema.safeParse({ ...input, password: await readPassword() });
if (!parsed.success) {
  const lines = toFieldErrors(parsed.error).map((f) => `\n  ${f.path}: ${f.message}`).join('');
  fail(`Isian akun tidak valid: ${lines}`, usage);
}

const config = loadConfig();
say(`Membuat akun ${parsed.data.username} (${parsed.data.role}) di ${config.DATABASE_URL.replace(/\?.*$/, '')} …`);
const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN).catch((error: Error) =>
  fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL (dan DATABASE_AUTH_TOKEN untuk Turso).'),
);
try {
  const member = await createStaff(db, parsed.data, new Date());
  say(`Akun dibuat: ${member.username} (${member.displayName}). Masuk di ${new URL('/admin/masuk', config.SITE_URL)}`);
} catch (error) {
  if (error instanceof AppError) fail(error.message, 'pilih nama pengguna lain.');
  throw error;
} finally {
  client.close();
}
