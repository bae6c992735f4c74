import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { buildSite } from '../../scripts/build.ts';
import { validRegistration } from '../helpers.ts';
import { createNodeServer } from '../../functions/node.ts';
import { parseEnv } from '../../functions/config.ts';

/** The real `astro build` with the real Pagefind, on a fresh database of 40 published and 1 pending listing. */
// Inside the project: the prerendered chunks import packages from its node_modules.
const scratch = fileURLToPath(new URL('../../.tmp', import.meta.url));
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, 'build-'));
const outDir = join(dir, 'dist');
const client = join(outDir, 'client');
let published: string[] = [];

beforeAll(async () => {
  const { db, client: dbClient } = await openDb(`file:${join(dir, 'site.db')}`);
  await seedSample(db, { total: 40, now: new Date('2026-11-01T00:00:00Z') });
  await createListing(db, registrationSchema.parse(validRegistration({ name: 'Usaha Yang Belum Diperiksa' })), {
    now: new Date(),
    statusTokenHash: 'f'.repeat(64),
    actor: 'owner',
  });
  published = (await db.query.msmes.findMany({ where: (m, { eq }) => eq(m.status, 'published'), columns: { slug: true } })).map((m) => m.slug);
  dbClient.close();
  await buildSite({ databaseUrl: `file:${join(dir, 'site.db')}`, outDir, quiet: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(client, path), 'utf8');

describe('the built site', () => {
  it('has exactly one profile page per published listing, and none for pending ones', () => {
    const pages = readdirSync(join(client, 'umkm')).sort();
    expect(pages).toEqual([...published].sort());
    expect(pages).not.toContain('usaha-yang-belum-diperiksa');
  });

  it('writes a Pagefind index in Indonesian covering the profiles', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(entry.languages['id']?.page_count).toBe(published.length);
    expect(existsSync(join(client, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('gives each profile JSON-LD, Open Graph, a canonical URL, store and WhatsApp links, and no script of its own', () => {
    const html = read(`umkm/${published[0]}/index.html`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
    expect(ld['@type']).toBe('LocalBusiness');
    expect(ld['url']).toBe(`http://localhost:4321/umkm/${published[0]}/`);
    expect(html).toContain(`<link rel="canonical" href="http://localhost:4321/umkm/${published[0]}/">`);
    expect(html).toContain('property="og:title"');
    expect(html).toMatch(/href="https:\/\/wa\.me\/62\d+\?text=/);
    expect(html).toContain('lang="id"');
    expect(html).toContain('Data contoh');
    expect(html.match(/<script(?![^>]*application\/ld\+json)/g)).toBeNull();
  });

  it('lists every profile and listing page in sitemap.xml', () => {
    const sitemap = read('sitemap.xml');
    for (const slug of published) expect(sitemap).toContain(`/umkm/${slug}/</loc>`);
    expect(sitemap).toContain('/kategori/kuliner/</loc>');
    expect(sitemap).toContain('/wilayah/32-73/</loc>');
  });

  it('builds the category, region, search, registration, status, privacy and 404 pages', () => {
    for (const page of ['index.html', 'cari/index.html', 'daftar/index.html', 'status/index.html', 'privasi/index.html', '404.html', 'kategori/kuliner/index.html', 'wilayah/32-01/index.html']) {
      expect(existsSync(join(client, page)), page).toBe(true);
    }
    expect(read('daftar/index.html')).toContain('action="/api/registrations"');
  });

  it('gives pages a revalidating Cache-Control in _headers, and WebAssembly to the search page only', () => {
    const headers = read('_headers');
    expect(headers).toContain(`/*/\n`);
    expect(headers).toMatch(/\/\*\/\n(  .+\n)*  Cache-Control: public, max-age=0, must-revalidate/);
    expect(headers).toMatch(/\/\*\n(  .+\n)*  Cross-Origin-Resource-Policy: same-origin/);
    const wasm = headers.split('\n').filter((line) => line.includes('wasm-unsafe-eval'));
    expect(wasm).toHaveLength(1);
    expect(headers).toMatch(/\/cari\/\n  ! Content-Security-Policy\n  Content-Security-Policy: [^\n]*'wasm-unsafe-eval'/);
  });

  it('serves the built site on Node with the same headers', async () => {
    const { db, client: dbClient } = await openDb(`file:${join(dir, 'site.db')}`);
    try {
      const server = createNodeServer({ db, config: parseEnv({}), clientDir: client });
      const home = await server.request('/');
      expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(home.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
      expect(home.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      const search = await server.request('/cari/');
      expect(search.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
      const api = await server.request('/api/health');
      expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await home.text())?.[1];
      const asset = await server.request(css!);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('content-security-policy')).toBeNull();
    } finally {
      dbClient.close();
    }
  });

  it('emits the Cloudflare Worker that answers /api', () => {
    expect(existsSync(join(outDir, 'server', 'entry.mjs'))).toBe(true);
  });
});
