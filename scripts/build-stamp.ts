import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a build is made from: when none of it changed, the last build is still good. */
const INPUTS = ['src', 'functions', 'db/queries', 'db/schema.ts', 'db/client.ts', 'db/local.ts', 'db/local-client.ts', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

/** A fingerprint of the build's inputs (paths, sizes and modification times) and the settings built in. */
export function buildFingerprint(root: string, env: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const input of INPUTS) visit(join(root, input));
  for (const name of ['SITE_URL', 'TURNSTILE_SITE_KEY', 'ETALASE_ADAPTER']) hash.update(`${name}=${env[name] ?? ''}\n`);
  return hash.digest('hex');
}

const stampFile = (outDir: string) => join(outDir, 'build-stamp.txt');

/** Whether outDir holds a complete build of exactly these inputs. */
export function isBuildCurrent(outDir: string, fingerprint: string): boolean {
  const file = stampFile(outDir);
  return existsSync(file) && existsSync(join(outDir, 'server', 'entry.mjs')) && readFileSync(file, 'utf8') === fingerprint;
}

/** Marks outDir as a complete build of these inputs (written last, after the build succeeded). */
export function stampBuild(outDir: string, fingerprint: string) {
  writeFileSync(stampFile(outDir), fingerprint);
}
