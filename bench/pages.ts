import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openDb } from '../db/local.ts';
import { createPortalServer } from '../scripts/portal-server.ts';
import { createPortalRuntime } from '../src/runtime/portal.ts';
import { PAGE_SIZE } from '../src/lib/directory.ts';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Where page N of a category starts: the `setelah` key of the listing before it (page 2,000 = 47,976 listings deep). */
async function deepKey(client: Awaited<ReturnType<typeof openDb>>['client'], category: string, page: number) {
  const size = Number((await client.execute({ sql: `SELECT count(*) FROM msmes WHERE status = 'published' AND category = ?`, args: [category] })).rows[0]?.[0] ?? 0);
  const depth = Math.min((page - 1) * PAGE_SIZE, Math.max(0, size - PAGE_SIZE));
  const [key] = (
    await client.execute({
      sql: `SELECT (nib_verified_at IS NOT NULL) || '.' || published_at || '.' || id FROM msmes WHERE status = 'published' AND category = ?
            ORDER BY (nib_verified_at IS NOT NULL) DESC, published_at DESC, id DESC LIMIT 1 OFFSET ?`,
      args: [category, Math.max(0, depth - 1)],
    })
  ).rows.map((r) => String(r[0]));
  return { key, page: Math.floor(depth / PAGE_SIZE) + 1 };
}

/**
 * Pages rendered by the built server (dist/) in this process over loopback HTTP, on a
 * database of `n` listings, uncached: every request carries a query parameter of its own,
 * so the page cache never answers. p95 over 60 requests per page type, after 5 to warm up;
 * also the gzipped size of profiles.
 */
export async function benchPages(databaseUrl: string) {
  const { db, client } = await openDb(databaseUrl);
  const runtime = createPortalRuntime({ db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 20 }, log: () => {} }, { compress: false });
  const listener = await createPortalServer({ outDir: fileURLToPath(new URL('../dist', import.meta.url)), runtime });
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const slugs = (await client.execute(`SELECT slug FROM msmes WHERE status = 'published' ORDER BY random() LIMIT 200`)).rows.map((r) => String(r[0]));
    const deep = await deepKey(client, 'kuliner', 2000);
    const pages: Record<string, (i: number) => string> = {
      profil: (i) => `/umkm/${slugs[i % slugs.length]}/`,
      'kategori hal. 1': () => '/kategori/kuliner/',
      [`kategori hal. ${deep.page.toLocaleString('id-ID')}`]: () => `/kategori/kuliner/?setelah=${deep.key}`,
      'wilayah (Kota Bandung)': () => '/wilayah/32-73/',
      'cari "keripik"': () => '/cari/?q=keripik',
      'cari "batik cirebon"': () => `/cari/?q=${encodeURIComponent('batik cirebon')}`,
      'pengadaan, 2 filter': () => '/pengadaan/?category=kuliner&regency=32.73',
      statistik: () => '/statistik/',
      'statistik Kota Bandung': () => '/statistik/32-73/',
    };
    const p95: Record<string, number> = {};
    let n = 0;
    for (const [label, path] of Object.entries(pages)) {
      const times: number[] = [];
      for (let i = 0; i < 65; i++) {
        const url = `${base}${path(i)}${path(i).includes('?') ? '&' : '?'}bench=${n++}`;
        const started = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        if (i >= 5) times.push(performance.now() - started);
      }
      p95[label] = percentile(times, 95);
    }
    const gz: number[] = [];
    for (const slug of slugs.slice(0, 50)) gz.push(gzipSync(Buffer.from(await (await fetch(`${base}/umkm/${slug}/`)).arrayBuffer()), { level: 6 }).length);
    return { p95, profileGzip: { median: percentile(gz, 50), max: Math.max(...gz) }, slugs };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    client.close();
  }
}

