import { fail, progress, say, loadConfig } from './cli.ts';
import { openDb } from '../db/local.ts';

const config = loadConfig();
say(`Menerapkan migrasi ke ${config.DATABASE_URL.replace(/\?.*$/, '')} …`);
try {
  const { client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, { onIndexProgress: progress('indeks pencarian dibangun ulang') });
  client.close();
  say('Migrasi selesai.');
} catch (error) {
  fail(`Migrasi gagal: ${(error as Error).message}`, 'periksa DATABASE_URL (dan DATABASE_AUTH_TOKEN untuk Turso), lalu jalankan lagi npm run db:migrate.');
}
