import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const astroBin = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** The environment every build runs with: offline, no telemetry. */
export const offlineEnv = {
  ASTRO_TELEMETRY_DISABLED: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};

/**
 * Runs `astro build` (which also writes the Pagefind index) in a child process, on the
 * given database and into the given folder. Resolves with the build's wall time in ms.
 */
export function buildSite(
  options: { databaseUrl?: string; outDir?: string; quiet?: boolean; onSpawn?: (pid: number) => void } = {},
): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...(options.quiet === false ? [] : ['--silent'])], {
      cwd: root,
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...offlineEnv,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        ...(options.outDir ? { ETALASE_OUT_DIR: options.outDir } : {}),
      },
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`astro build keluar dengan kode ${code}`))));
  });
}
