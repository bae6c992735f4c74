import { argValue, fail, hasFlag, progress, say, loadConfig } from './cli.ts';
import { openDb } from '../db/local.ts';
import { countListings, removeSample, seedSample } from '../db/seed/insert.ts';

const usage = 'npm run db:seed -- [--count N] [--seed S] [--reset] [--if-empty]';
const count = Number(argValue('count') ?? 300);
const seed = Number(argValue('seed') ?? 32);
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) fail('--count harus bilangan bulat 1 sampai 1.000.000.', usage);
if (!Number.isInteger(seed)) fail('--seed harus bilangan bulat.', usage);

const config = loadConfig();
const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
try {
  const existing = await countListings(db);
  if (hasFlag('if-empty') && existing > 0) {
    say(`Basis data sudah berisi ${existing} listing; data contoh tidak ditambahkan.`);
  } else {
    if (hasFlag('reset')) say(`Menghapus ${await removeSample(db)} listing contoh lama …`);
    say(`Mengisi ${count} listing UMKM contoh (seed ${seed}) …`);
    const started = Date.now();
    await seedSample(db, { total: count, seed, onProgress: progress('data contoh'), onIndex: progress('membangun indeks') });
    say(`Selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk. Total listing: ${await countListings(db)}.`);
  }
} catch (error) {
  fail(`Pengisian data contoh gagal: ${(error as Error).message}`, 'jalankan npm run db:migrate, lalu ulangi; atau hapus db/etalase.db untuk mulai dari awal.');
} finally {
  client.close();
}
