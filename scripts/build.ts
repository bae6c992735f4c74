import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildFingerprint, isBuildCurrent, stampBuild } from './build-stamp.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const astroBin = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** The environment every build runs with: offline, no telemetry. */
export const offlineEnv = {
  ASTRO_TELEMETRY_DISABLED: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};

/**
 * Runs `astro build` (which also writes the Pagefind index) in a child process, for the
 * given adapter (Node unless told) and into the given folder. Resolves with the build's wall time in ms.
 */
export function buildSite(
  options: { outDir?: string; quiet?: boolean; adapter?: 'node' | 'cloudflare'; onSpawn?: (pid: number) => void } = {},
): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...(options.quiet === false ? [] : ['--silent'])], {
      cwd: root,
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...offlineEnv,
        ...(options.outDir ? { ETALASE_OUT_DIR: options.outDir } : {}),
        ...(options.adapter ? { ETALASE_ADAPTER: options.adapter } : {}),
      },
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`astro build keluar dengan kode ${code}`))));
  });
}

/**
 * A current Node build in outDir: built when its inputs changed since the last one (see
 * build-stamp.ts), reused otherwise. Resolves with the build's time in ms, or null when reused.
 */
export async function ensureBuild(outDir: string, options: { quiet?: boolean } = {}): Promise<number | null> {
  const fingerprint = buildFingerprint(root, process.env);
  if (isBuildCurrent(outDir, fingerprint)) return null;
  const ms = await buildSite({ outDir, quiet: options.quiet ?? true, adapter: 'node' });
  stampBuild(outDir, fingerprint);
  return ms;
}
