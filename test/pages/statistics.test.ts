import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { linkCheckRuns } from '../../db/schema.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { findRegency, regencies } from '../../src/core/reference.ts';
import { platforms } from '../../src/core/platforms.ts';
import { servePages } from './server.ts';

/** The public statistics (/statistik) as the built site renders them on Node, against counts of the listings themselves. */
const dir = mkdtempSync(join(tmpdir(), 'etalase-stats-'));
const { db, client } = await openDb(`file:${join(dir, 'stats.db')}`);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});
const site = await servePages(db);
beforeAll(async () => {
  await seedSample(db, { total: 500, now: new Date() });
  await db.run(sql`UPDATE msmes SET status = 'removed' WHERE id % 9 = 0`);
  await db.run(sql`UPDATE msmes SET status = 'pending' WHERE id % 13 = 0`);
});

const MARKETPLACES = platforms.filter((p) => p.kind === 'marketplace').map((p) => p.id);

/** Per kabupaten/kota (or kecamatan of one), counted from msmes and store_links directly. */
async function counted(regency?: string) {
  const place = regency ? sql`district_code` : sql`regency_code`;
  const rows = await db.all<{ code: string; published: number; marketplace: number; verified: number; juara: number }>(sql`
    SELECT ${place} AS code, count(*) AS published,
      sum(EXISTS (SELECT 1 FROM store_links s WHERE s.msme_id = m.id AND s.platform IN (${sql.join(MARKETPLACES.map((id) => sql`${id}`), sql`, `)}))) AS marketplace,
      count(nib_verified_at) AS verified, sum(is_juara) AS juara
    FROM msmes m WHERE status = 'published' ${regency ? sql`AND regency_code = ${regency}` : sql``} GROUP BY 1`);
  return new Map(rows.map((r) => [r.code, [Number(r.published), Number(r.marketplace), Number(r.verified), Number(r.juara)]]));
}

const csvOf = async (path: string) => {
  const res = await site.get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parseCsv(await res.text());
};

describe('/statistik', () => {
  it('says when links were last checked and how many were alive, from the last run of the checker', async () => {
    const before = await (await site.get('/statistik/')).text();
    expect(before).toContain('Tautan toko belum pernah diperiksa otomatis.');
    await db.insert(linkCheckRuns).values({ startedAt: new Date('2026-12-01T01:00:00Z'), finishedAt: new Date('2026-12-01T02:00:00Z'), visited: 40, found: { ok: 36, gone: 4 }, totalLinks: 800, checkedLinks: 600, aliveLinks: 540 });
    const page = await (await site.get('/statistik/?segar=1')).text();
    expect(page).toMatch(/Dari 800 tautan toko UMKM tayang, <strong>75%<\/strong> sudah diperiksa dalam 90 hari terakhir, dan <strong>90%<\/strong>/);
  });

  it('shows each kabupaten/kota on the map and in the table, with the figures the listings give', async () => {
    const res = await site.get('/statistik/');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Statistik digitalisasi UMKM Jawa Barat</h1>');
    // The map: one tile per kabupaten/kota, an SVG with its own title, no script needed.
    expect(page.match(/<rect x="\d+" y="\d+" width="44" height="44"/g)).toHaveLength(27);
    expect(page).toMatch(/<svg[^>]*role="img" aria-labelledby="peta-wilayah-title"/);
    for (const r of regencies) expect(page).toContain(`href="/statistik/${r.code.replace('.', '-')}/"`);
    const expected = await counted();
    const csv = await csvOf('/statistik/data/wilayah.csv');
    expect(csv[0]).toEqual(['kode', 'nama', 'tayang', 'di_marketplace', 'persen_di_marketplace', 'nib_terverifikasi', 'umkm_juara', 'baru_bulan_ini', 'baru_bulan_lalu']);
    expect(csv).toHaveLength(1 + 27 + 1);
    for (const row of csv.slice(1, -1)) expect(row.slice(2, 4).concat(row.slice(5, 7)).map(Number), row[1]).toEqual(expected.get(row[0]!) ?? [0, 0, 0, 0]);
    const total = [...expected.values()].reduce((t, v) => t + v[0]!, 0);
    expect(csv.at(-1)!.slice(1, 3)).toEqual(['Jawa Barat', String(total)]);
    expect(page).toContain(`<strong>${new Intl.NumberFormat('id-ID').format(total)}</strong> UMKM tayang`);
  });

  it('gives the growth month by month, adding up to what is published now', async () => {
    const csv = await csvOf('/statistik/data/bulanan.csv');
    expect(csv[0]).toEqual(['bulan', 'baru_tayang', 'total_tayang', 'total_di_marketplace']);
    expect(csv).toHaveLength(25);
    const [{ n }] = (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM msmes WHERE status = 'published'`)) as [{ n: number }];
    expect(Number(csv.at(-1)![2])).toBe(Number(n));
    for (let i = 2; i < csv.length; i++) expect(Number(csv[i]![2])).toBe(Number(csv[i - 1]![2]) + Number(csv[i]![1]));
    // The seed spreads publication over two years: the window shows growth, not one step.
    expect(csv.slice(1).filter((r) => Number(r[1]) > 0).length).toBeGreaterThan(12);
  });

  it('shows one kabupaten/kota per kecamatan, with its own CSV', async () => {
    const bandung = findRegency('32.73')!;
    const res = await site.get('/statistik/32-73/');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Statistik UMKM Kota Bandung</h1>');
    const csv = await csvOf('/statistik/data/kecamatan-32-73.csv');
    expect(csv).toHaveLength(1 + bandung.districts.length + 1);
    const expected = await counted('32.73');
    for (const row of csv.slice(1, -1)) expect(row.slice(2, 4).concat(row.slice(5, 7)).map(Number), row[1]).toEqual(expected.get(row[0]!) ?? [0, 0, 0, 0]);
    expect((await csvOf('/statistik/data/bulanan-32-73.csv')).length).toBe(25);
  });

  it.each([
    ['/statistik/99-99/', 'Kabupaten/kota itu tidak ada di Jawa Barat'],
    ['/statistik/bandung/', 'Kabupaten/kota itu tidak ada di Jawa Barat'],
    ['/statistik/data/kecamatan.csv', 'Tabel statistik tidak ditemukan'],
    ['/statistik/data/wilayah-32-73.csv', 'Tabel statistik tidak ditemukan'],
    ['/statistik/data/bulanan-32-99.csv', 'Tabel statistik tidak ditemukan'],
    ['/statistik/data/semua.csv', 'Tabel statistik tidak ditemukan'],
  ])('answers %s with 404 and says what exists', async (path, message) => {
    const res = await site.get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(message);
  });
});
