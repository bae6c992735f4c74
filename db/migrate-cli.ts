import { fail, say, loadConfig } from '../scripts/cli.ts';
import { openDb } from './local.ts';

const config = loadConfig();
say(`Menerapkan migrasi ke ${config.DATABASE_URL.replace(/\?.*$/, '')} …`);
try {
  const { client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  client.close();
  say('Migrasi selesai.');
} catch (error) {
  fail(`Migrasi gagal: ${(error as Error).message}`, 'periksa DATABASE_URL (dan DATABASE_AUTH_TOKEN untuk Turso), lalu jalankan lagi npm run db:migrate.');
}
