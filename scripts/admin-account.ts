import { openDb } from '../db/local.ts';
import { updateAccount } from '../db/queries/staff.ts';
import { AppError } from '../src/core/errors.ts';
import { newPassword } from '../src/core/staff.ts';
import { argValue, fail, hasFlag, say, loadConfig } from './cli.ts';
import { readPassword } from './password-prompt.ts';

/**
 * `npm run admin:account -- --username budi --reset-password | --disable | --enable`: a new
 * password for a staff member who lost theirs (it also lifts a lockout), or an account
 * disabled when someone leaves. Every change ends the account's sessions at once.
 */
const usage = 'npm run admin:account -- --username budi --reset-password (atau --disable, --enable)';
const username = argValue('username');
const actions = ['reset-password', 'disable', 'enable'].filter(hasFlag);
if (!username || actions.length !== 1) fail('Sebutkan satu akun dan satu tindakan.', usage);

let change: { password: string } | { disabled: boolean };
if (actions[0] === 'reset-password') {
  const password = newPassword.safeParse(await readPassword());
  if (!password.success) fail(`Kata sandi tidak valid: ${password.error.issues[0]?.message ?? ''}`, usage);
  change = { password: password.data };
} else {
  change = { disabled: actions[0] === 'disable' };
}

const config = loadConfig();
const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN).catch((error: Error) =>
  fail(`Basis data tidak dapat dibuka: ${error.message}`, 'periksa DATABASE_URL (dan DATABASE_AUTH_TOKEN untuk Turso).'),
);
try {
  await updateAccount(db, username, change, new Date());
  const done = 'password' in change ? 'kata sandi baru disimpan, penguncian dibuka' : change.disabled ? 'akun dinonaktifkan' : 'akun diaktifkan lagi';
  say(`${username}: ${done}; semua sesinya diakhiri.`);
} catch (error) {
  if (error instanceof AppError) fail(error.message, 'periksa nama pengguna (npm run admin:create membuat akun baru).');
  throw error;
} finally {
  client.close();
}
