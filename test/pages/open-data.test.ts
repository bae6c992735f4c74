import { parse } from 'csv-parse/sync';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { msmes, storeLinks } from '../../db/schema.ts';
import { exportOpenData, latestOpenData } from '../../functions/services/open-data.ts';
import { openDataFields } from '../../src/core/open-data.ts';
import { folderFileStore } from '../../src/runtime/files-folder.ts';
import { servePages } from './server.ts';

/** The open data (/data/, its snapshots and data.json) as the built site serves them on Node, from a real files folder. */
const dir = mkdtempSync(join(tmpdir(), 'etalase-open-data-'));
const { db, client } = await openDb(`file:${join(dir, 'open.db')}`);
const files = folderFileStore(join(dir, 'files'));
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});
const site = await servePages(db, { files });
const bare = await servePages(db, { files: null });
const SITE = 'http://localhost:4321';
let goneUrl = '';

beforeAll(async () => {
  await seedSample(db, { total: 400, now: new Date('2026-11-01T00:00:00Z') });
  await db.run(sql`UPDATE msmes SET status = 'removed' WHERE id % 9 = 0`);
  await db.run(sql`UPDATE msmes SET status = 'pending' WHERE id % 13 = 0`);
  // A published listing's link the checker found gone: it leaves the bulk files as it leaves the profile.
  const [link] = await db.select().from(storeLinks).innerJoin(msmes, eq(msmes.id, storeLinks.msmeId)).where(eq(msmes.status, 'published')).limit(1);
  goneUrl = link!.store_links.url;
  await db.update(storeLinks).set({ checkState: 'gone' }).where(eq(storeLinks.id, link!.store_links.id));
});

const published = async () => db.select({ slug: msmes.slug, whatsapp: msmes.whatsapp, email: msmes.email, address: msmes.address }).from(msmes).where(eq(msmes.status, 'published'));

describe('open data', () => {
  it('says on /data/ that no snapshot exists yet, and the downloads answer 404 until one does', async () => {
    const page = await (await site.get('/data/')).text();
    expect(page).toContain('Snapshot pertama sedang disiapkan');
    const res = await site.get('/data/umkm-jabar.csv.gz');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Belum ada snapshot data terbuka');
  });

  it('writes every published listing once, with the public fields only, as CSV a CSV parser reads', async () => {
    const manifest = await exportOpenData({ db, files, site: SITE, now: new Date('2026-12-02T03:00:00Z') });
    const rows = await published();
    expect(manifest.rows).toBe(rows.length);
    expect(manifest.date).toBe('2026-12-02');
    const res = await site.get('/data/umkm-jabar.csv.gz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="umkm-jabar-2026-12-02.csv.gz"');
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(rows.length);
    expect(Object.keys(records[0]!)).toEqual(openDataFields.map((f) => f.name));
    expect(new Set(records.map((r) => r.slug))).toEqual(new Set(rows.map((r) => r.slug)));
    // Never a WhatsApp number, an email or a street address, in any form.
    for (const r of rows) {
      expect(text).not.toContain(r.whatsapp);
      expect(text).not.toContain(r.whatsapp.replace(/^\+62/, '0'));
      if (r.email) expect(text).not.toContain(r.email);
      if (r.address) expect(text).not.toContain(r.address);
    }
    expect(text).not.toContain(goneUrl);
    const one = records.find((r) => r.nib !== '')!;
    expect(one.nib).toMatch(/^\d{13}$/);
    expect(one.url_profil).toBe(`${SITE}/umkm/${one.slug}/`);
    expect(one.tayang_sejak).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  });

  it('writes the same listings as JSON, with their products', async () => {
    const res = await site.get('/data/umkm-jabar.json.gz');
    const records = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as Record<string, unknown>[];
    expect(records).toHaveLength((await published()).length);
    const withProducts = records.find((r) => (r.produk as unknown[]).length > 0)!;
    expect((withProducts.produk as Record<string, unknown>[])[0]).toEqual(expect.objectContaining({ nama: expect.any(String), harga_min: expect.any(Number) }));
    expect(withProducts.jumlah_produk).toBe((withProducts.produk as unknown[]).length);
    expect(Array.isArray(withProducts.tautan_toko)).toBe(true);
  });

  it('answers a harvester that asks again with 304, by ETag or by date, and HEAD without a body', async () => {
    const first = await site.get('/data/umkm-jabar.csv.gz');
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await site.get('/data/umkm-jabar.csv.gz', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await site.get('/data/umkm-jabar.csv.gz', { headers: { 'if-modified-since': first.headers.get('last-modified')! } })).status).toBe(304);
    expect((await site.get('/data/umkm-jabar.csv.gz', { headers: { 'if-none-match': '"lain"' } })).status).toBe(200);
    const head = await site.get('/data/umkm-jabar.csv.gz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe((await latestOpenData(files))!.files.csv.size);
    const dated = await site.get('/data/umkm-jabar-2026-12-02.json.gz');
    expect(dated.status).toBe(200);
    expect(dated.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    ['/data/umkm-jabar.xlsx', 404, 'Berkas tidak ditemukan'],
    ['/data/umkm-jabar-2026-11-01.csv.gz', 404, 'Tidak ada snapshot tanggal 2026-11-01'],
    ['/data/..%2Fopen.db', 404, 'Berkas tidak ditemukan'],
    ['/data/terbaru.json', 404, 'Berkas tidak ditemukan'],
  ])('answers %s with %i and says what exists', async (path, status, message) => {
    const res = await site.get(path);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(message);
  });

  it('says so when the server has no file store', async () => {
    const res = await bare.get('/data/umkm-jabar.csv.gz');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Penyimpanan berkas belum disiapkan');
  });

  it('shows the newest snapshot, the licence, what is left out and the data dictionary on /data/', async () => {
    const page = await (await site.get('/data/')).text();
    expect(page).toContain(`<strong>${(await published()).length}</strong> usaha`);
    expect(page).toContain('rel="license"');
    expect(page).toContain('CC BY 4.0');
    expect(page).toContain('Nomor WhatsApp, email, dan alamat jalan <strong>tidak pernah</strong> ada di berkas massal');
    for (const f of openDataFields) expect(page).toContain(`<code>${f.name}</code>`);
  });

  it('offers a DCAT-US 1.1 catalogue that validates against the published non-federal schema', async () => {
    const res = await site.get('/data.json');
    expect(res.status).toBe(200);
    const catalog = (await res.json()) as { dataset: { modified: string; distribution: { downloadURL?: string }[] }[] };
    const schemas = join(import.meta.dirname, '../fixtures/dcat-us-1.1');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    ajv.addSchema(JSON.parse(readFileSync(join(schemas, 'dataset-non-federal.json'), 'utf8')) as object);
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemas, 'catalog.json'), 'utf8')) as object);
    expect(validate(catalog), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(catalog.dataset[0]!.distribution.map((d) => d.downloadURL).filter(Boolean)).toEqual([`${SITE}/data/umkm-jabar.csv.gz`, `${SITE}/data/umkm-jabar.json.gz`]);
    // And an invalid one is refused, so the check can fail.
    expect(validate({ ...catalog, dataset: [{ title: 'tanpa penerbit' }] })).toBe(false);
  });

  it('keeps a week of dated snapshots and drops older ones', async () => {
    for (const day of ['2026-12-03', '2026-12-06', '2026-12-11']) await exportOpenData({ db, files, site: SITE, now: new Date(`${day}T03:00:00Z`) });
    const kept = (await files.list('data-terbuka/umkm-jabar-')).map((f) => /\d{4}-\d{2}-\d{2}/.exec(f.key)?.[0]);
    expect([...new Set(kept)]).toEqual(['2026-12-06', '2026-12-11']);
  });
});
