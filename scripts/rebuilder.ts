import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './build.ts';
import { say } from './cli.ts';

/**
 * Local publishing for `npm start`: after an approval, rebuild the static site in the
 * background, at most one build at a time, waiting `debounceMs` so a run of approvals makes
 * one build. The build goes into a temporary folder and then replaces dist/client with one
 * rename, so visitors never see a half-built site; a failed build leaves the old site up.
 */
export function localRebuilder(options: { root: string; clientDir: string; databaseUrl: string; debounceMs?: number }) {
  const debounceMs = options.debounceMs ?? 3000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const run = async () => {
    const work = join(options.root, '.tmp', `rebuild-${Date.now()}`);
    mkdirSync(work, { recursive: true });
    say('Ada persetujuan baru: membangun ulang situs di latar belakang …');
    try {
      const ms = await buildSite({ databaseUrl: options.databaseUrl, outDir: work, quiet: true });
      const old = `${options.clientDir}.old-${Date.now()}`;
      renameSync(options.clientDir, old);
      renameSync(join(work, 'client'), options.clientDir);
      rmSync(old, { recursive: true, force: true });
      say(`Situs diperbarui dalam ${(ms / 1000).toFixed(1)} dtk.`);
    } catch (error) {
      console.error(`✖ Membangun ulang situs gagal: ${(error as Error).message}\n  Situs lama tetap tayang; persetujuan berikutnya mencoba lagi, atau jalankan ulang npm start.`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };

  const start = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        start();
      }
    });
  };

  return {
    /** Asks for a rebuild; returns at once. */
    request() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(start, debounceMs);
    },
    /** Waits for a scheduled or running build (for shutdown and tests). */
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, 50)));
    },
  };
}
