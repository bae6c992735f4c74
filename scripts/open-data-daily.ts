import { openDb } from '../db/local.ts';
import { exportOpenData, openDataDue } from '../functions/services/open-data.ts';
import type { Config } from '../functions/config.ts';
import { filesDirFor, folderFileStore } from '../src/runtime/files-folder.ts';

const HOUR = 3_600_000;

/**
 * `npm start`'s daily open-data snapshot, in the main process only: shortly after start
 * and then every hour it looks whether today's (Asia/Jakarta) snapshot exists, and makes it
 * if not. Returns a stop that ends a snapshot in progress and waits for it.
 */
export function startDailyOpenData(config: Config, say: (line: string) => void): () => Promise<void> {
  const files = folderFileStore(filesDirFor(config));
  const abort = new AbortController();
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = (async () => {
      if (abort.signal.aborted || !(await openDataDue(files, new Date()))) return;
      const { db, client } = await openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, { pattern: 'scan' });
      try {
        const manifest = await exportOpenData({ db, files, site: config.SITE_URL, now: new Date(), signal: abort.signal });
        say(`Data terbuka: snapshot ${manifest.date} dengan ${manifest.rows.toLocaleString('id-ID')} usaha (${manifest.seconds} dtk).`);
      } finally {
        client.close();
      }
    })().catch((error: Error) => {
      if (!abort.signal.aborted) say(`Data terbuka: snapshot gagal (${error.message}); dicoba lagi dalam satu jam, atau jalankan npm run data:export.`);
    });
  };
  const first = setTimeout(run, 5000).unref();
  const hourly = setInterval(run, HOUR).unref();
  return async () => {
    clearTimeout(first);
    clearInterval(hourly);
    abort.abort();
    await running;
  };
}
