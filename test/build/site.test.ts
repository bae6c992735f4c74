import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { suggestionRecords } from '../../src/lib/suggestions.ts';

/**
 * The real `astro build` with the real Pagefind, with no database at all: the build reads
 * no listings, so its size and time do not grow with the directory.
 */
// Inside the project: the server chunks import packages from its node_modules.
const scratch = fileURLToPath(new URL('../../.tmp', import.meta.url));
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, 'build-'));
const outDir = join(dir, 'dist');
const client = join(outDir, 'client');

beforeAll(async () => {
  const unreachable = process.env['DATABASE_URL'];
  // A database that cannot be opened: any listing the build tried to read would fail it.
  process.env['DATABASE_URL'] = `file:${join(dir, 'no', 'such', 'folder', 'x.db')}`;
  try {
    await buildSite({ outDir, quiet: true });
  } finally {
    if (unreachable === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = unreachable;
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(client, path), 'utf8');
const files = (path: string): string[] => readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(path, e.name)) : [e.name]));

describe('the built site', () => {
  it('prerenders only the pages that do not show listings, in a few hundred files', () => {
    for (const page of ['daftar/index.html', 'privasi/index.html', 'status/index.html', '404.html', 'sitemap-halaman.xml', 'robots.txt']) {
      expect(existsSync(join(client, page)), page).toBe(true);
    }
    for (const page of ['index.html', 'umkm', 'kategori', 'wilayah', 'cari/index.html']) expect(existsSync(join(client, page)), page).toBe(false);
    expect(files(client).length).toBeLessThan(2000);
    expect(read('daftar/index.html')).toContain('action="/daftar/kirim/"');
  });

  it('writes a Pagefind suggestion index of categories, places and pages in Indonesian, never listings', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(entry.languages['id']?.page_count).toBe(suggestionRecords().length);
    expect(suggestionRecords().length).toBeLessThan(1000);
  });

  it('gives static pages a revalidating Cache-Control in _headers', () => {
    const headers = read('_headers');
    expect(headers).toMatch(/\/\*\/\n(  .+\n)*  Cache-Control: public, max-age=0, must-revalidate/);
    expect(headers).toMatch(/\/\*\n(  .+\n)*  Cross-Origin-Resource-Policy: same-origin/);
    expect(headers).not.toContain('wasm-unsafe-eval');
  });

  it('emits the server build that renders the pages drawn from the database', () => {
    expect(existsSync(join(outDir, 'server', 'entry.mjs'))).toBe(true);
  });
});
