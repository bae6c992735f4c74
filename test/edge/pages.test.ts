import { sql } from 'drizzle-orm';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { playServer } from '../links/server.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { firstProfile } from './sample.ts';

/** Pages as the Worker serves them in workerd: static assets, and pages rendered on demand from the libSQL server. */
const { app, db } = await freshApp();
beforeAll(async () => {
  await seedSample(db, { total: 20, now: new Date('2026-11-01T00:00:00Z') });
});

describe('the Worker', () => {
  it.each([
    ['/', 'text/html', 'Belanja produk UMKM Jawa Barat'],
    ['/daftar/', 'text/html', 'Daftarkan usaha Anda'],
    ['/cari/', 'text/html', 'Cari produk UMKM'],
    ['/pengadaan/?category=kuliner', 'text/html', 'pemasok cocok'],
    ['/api/docs', 'text/html', 'OpenAPI 3.1'],
    ['/sitemap.xml', 'application/xml', '<sitemapindex'],
    ['/sitemap-umkm-1.xml', 'application/xml', '<urlset'],
    ['/kategori/kuliner/', 'text/html', 'UMKM Kuliner'],
    ['/cari/?q=keripik', 'text/html', 'hasil'],
    ['/pagefind/pagefind.js', 'javascript', ''],
  ])('serves %s', async (path, type, text) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type') ?? '').toContain(type);
    expect(await res.text()).toContain(text);
  });

  it('sends the security headers with static pages (from _headers) and caches /_astro/ forever', async () => {
    const home = await app.request('/');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(home.headers.get('strict-transport-security')).toContain('max-age=');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await home.text())?.[1];
    expect(css).toBeDefined();
    expect((await app.request(css!)).headers.get('cache-control')).toContain('immutable');
    const profile = await app.request(firstProfile().path);
    expect(profile.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(home.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
    expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(home.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await app.request('/cari/')).headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    const index = await app.request('/pagefind/pagefind.js');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-security-policy')).toBeNull();
  });

  it('renders a profile on demand from the libSQL server, and keeps it in the edge cache for a bounded time', async () => {
    const profile = firstProfile();
    const res = await app.request(profile.path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(profile.name);
    const again = await app.request(profile.path);
    expect(again.headers.get('x-astro-cache')).toBe('HIT');
    // Browsers revalidate every time; the bound lives only in the data centre's cache.
    expect(again.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('offers the closest word for a slip of the keyboard from the search index on the libSQL server', async () => {
    const names = ((await (await app.request('/api/msmes?per_page=50')).json()) as { items: { name: string }[] }).items.map((i) => i.name);
    const word = names.flatMap((n) => n.toLowerCase().split(' ')).find((w) => /^[a-z]{6,}$/.test(w))!;
    const page = await app.request(`/cari/?q=${word.slice(0, 2)}${word.slice(3)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Mungkin maksud Anda: <a href="/cari/?q=${word}">${word}</a>`);
  });

  it('answers an unknown page with the 404 page and an unknown API path with problem+json', async () => {
    const page = await app.request('/tidak-ada/');
    expect(page.status).toBe(404);
    const api = await app.request('/api/tidak-ada');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('reaches the database from the edge: health and a search over what was just seeded', async () => {
    expect(((await (await app.request('/api/health')).json()) as { database: string }).database).toBe('ok');
    const body = (await (await app.request('/api/msmes?per_page=50')).json()) as { total: number };
    expect(body.total).toBe(20);
  });

  it('makes the open-data snapshot on its Cron Trigger, into R2 (wrangler local), and serves it with ETag', async () => {
    const run = await app.request('/cdn-cgi/handler/scheduled?cron=15+17+*+*+*');
    expect(run.status).toBe(200);
    const [{ n }] = (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM msmes WHERE status = 'published'`)) as [{ n: number }];
    const res = await app.request('/data/umkm-jabar.csv.gz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    const rows = parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(Number(n));
    expect((await app.request('/data/umkm-jabar.csv.gz', { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
    const json = await app.request('/data/umkm-jabar.json.gz');
    expect(JSON.parse(gunzipSync(Buffer.from(await json.arrayBuffer())).toString('utf8'))).toHaveLength(Number(n));
    expect(await (await app.request('/data/')).text()).toContain(`<strong>${Number(n)}</strong> usaha`);
    expect((await app.request('/statistik/')).status).toBe(200);
  });

  it('checks due store links on its Cron Trigger, from workerd, and records the run', async () => {
    const shop = await playServer('127.0.0.1', (req, res) => (req.url === '/toko' ? res.writeHead(200).end('ok') : res.writeHead(404).end()));
    try {
      // Only the two loopback links are due; the sample's real marketplace links wait (no internet here).
      await db.run(sql`UPDATE store_links SET next_check_at = 9999999999999`);
      const [{ id }] = (await db.all<{ id: number }>(sql`SELECT id FROM msmes WHERE status = 'published' LIMIT 1`)) as [{ id: number }];
      await db.run(sql`INSERT INTO store_links (msme_id, platform, url, position) VALUES (${id}, 'tokopedia', ${`${shop.base}/toko`}, 90), (${id}, 'tokopedia', ${`${shop.base}/tutup`}, 91)`);
      const run = await app.request('/cdn-cgi/handler/scheduled?cron=*/30+*+*+*+*');
      expect(run.status).toBe(200);
      const rows = await db.all<{ url: string; check_state: string }>(sql`SELECT url, check_state FROM store_links WHERE position >= 90 ORDER BY position`);
      expect(rows.map((r) => r.check_state)).toEqual(['ok', 'suspect']);
      expect(shop.seen.map((r) => r.userAgent)).toEqual([expect.stringContaining('EtalaseJabarLinkChecker/1.0'), expect.stringContaining('EtalaseJabarLinkChecker/1.0')]);
      const [last] = await db.all<{ visited: number }>(sql`SELECT visited FROM link_check_runs ORDER BY id DESC LIMIT 1`);
      expect(last?.visited).toBe(2);
    } finally {
      await shop.close();
    }
  });
});
