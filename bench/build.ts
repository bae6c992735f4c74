import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../scripts/build.ts';
import { peakMemory } from './memory.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * One production build (Node adapter, then Cloudflare's): its time, peak memory of the
 * whole process tree, and the files it deploys. The build reads no listings, so one
 * measurement holds at every directory size.
 */
export async function measureBuilds() {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = [];
  for (const adapter of ['node', 'cloudflare'] as const) {
    const dir = mkdtempSync(join(root, '.tmp', `bench-build-${adapter}-`));
    try {
      const memory = peakMemory();
      const ms = await buildSite({ outDir: join(dir, 'dist'), quiet: true, adapter, onSpawn: (pid) => memory.watch(pid) });
      const peakBytes = memory.stop();
      const client = walk(join(dir, 'dist', 'client'));
      out.push({
        adapter,
        buildMs: ms,
        peakMemoryMB: Math.round(peakBytes / 1024 / 1024),
        clientFiles: client.length,
        clientMB: +(client.reduce((a, f) => a + statSync(f).size, 0) / 1024 / 1024).toFixed(2),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
