import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { msmes, products } from '../../db/schema.ts';
import { parseQuantity } from '../../src/core/units.ts';
import { servePages } from './server.ts';

/** The price survey for an HPS, as the built site renders it on Node, and its XLSX read back. */
const dir = mkdtempSync(join(tmpdir(), 'etalase-survey-'));
const { db, client } = await openDb(`file:${join(dir, 'survey.db')}`);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});
const site = await servePages(db);
beforeAll(async () => {
  await seedSample(db, { total: 400, now: new Date('2026-11-01T00:00:00Z') });
});

/** Every published keripik product with a unit that compares per kg, straight from the tables. */
async function keripikPerKg() {
  const rows = await db
    .select({ slug: msmes.slug, name: products.name, unit: products.unit, price: products.priceMin, position: products.position, nib: msmes.nib })
    .from(products)
    .innerJoin(msmes, eq(msmes.id, products.msmeId))
    .where(eq(msmes.status, 'published'));
  return rows.filter((r) => /\bk(e)?ripik\b/i.test(r.name) && r.unit && parseQuantity(r.unit)?.base === 'kg');
}

describe('the price survey', () => {
  it('lists every matching product with its price per kg, and the spread of those prices', async () => {
    const expected = await keripikPerKg();
    expect(expected.length).toBeGreaterThan(5);
    const page = await (await site.get('/pengadaan/survei/?q=kripik')).text();
    const picked = [...page.matchAll(/name="baris" value="([^"]+)"/g)].map((m) => m[1]);
    const perKg = expected.map((r) => `${r.slug}.${r.position}`);
    for (const id of perKg) expect(picked).toContain(id);
    const prices = expected.map((r) => Math.round(r.price / parseQuantity(r.unit!)!.amount)).sort((a, b) => a - b);
    const rupiah = (n: number) => `Rp${new Intl.NumberFormat('id-ID').format(n)}`;
    expect(page).toContain(`Terendah <strong>${rupiah(prices[0]!)}</strong>`);
    expect(page).toContain(`tertinggi <strong>${rupiah(prices.at(-1)!)}</strong> per kg`);
    expect(page).toMatch(/[✓⚠] \d+ sumber dengan NIB terverifikasi dan harga bertanggal \(minimal 3\)/);
  });

  it('makes a sheet of the picked lines with the note and the print date, and an XLSX with NIB as text and dates on the WIB clock', async () => {
    const expected = await keripikPerKg();
    const three = [...expected.filter((r) => r.nib?.startsWith('0')), ...expected].slice(0, 3);
    // As the form sends them: a `baris` per ticked box.
    const query = new URLSearchParams([['q', 'keripik'], ...three.map((r) => ['baris', `${r.slug}.${r.position}`]), ['catatan', 'Untuk HPS konsumsi rapat 2027']]);
    const page = await (await site.get(`/pengadaan/survei/?${query}`)).text();
    expect(page).toContain('Lembar survei harga · Etalase Jabar · dicetak');
    expect(page).toContain('Untuk HPS konsumsi rapat 2027');
    const link = /href="(\/pengadaan\/survei\.xlsx\?[^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const res = await site.get(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[1]?.slice(0, 2)).toEqual(['Kata produk', 'keripik']);
    expect(rows[3]?.slice(0, 2)).toEqual(['Catatan', 'Untuk HPS konsumsi rapat 2027']);
    const header = rows[5] as string[];
    const lines = rows.slice(6, 9);
    expect(lines).toHaveLength(3);
    const nibs = lines.map((r) => r[header.indexOf('NIB')]);
    for (const nib of nibs) expect(typeof nib === 'string' || nib === null).toBe(true);
    expect(nibs).toEqual(expect.arrayContaining(three.map((r) => r.nib ?? null).filter((n) => n !== null)));
    const dated = lines.map((r) => r[header.indexOf('Harga dinyatakan berlaku (WIB)')]).filter((d) => d !== null);
    for (const d of dated) expect(d).toBeInstanceOf(Date);
  });

  it('refuses bad input with the field named, and makes no workbook without a product word', async () => {
    for (const [query, field] of [
      ['q=keripik&catatan=%3Cscript%3E', 'Catatan tidak boleh'],
      ['q=keripik&category=senjata', 'Kategori:'],
      ['q=keripik&warna=merah', 'warna'],
      [`q=keripik&catatan=${'a'.repeat(301)}`, 'Catatan paling banyak 300'],
    ] as const) {
      const res = await site.get(`/pengadaan/survei/?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toContain(field);
    }
    const none = await site.get('/pengadaan/survei.xlsx?category=kuliner');
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Isi kata produk');
    expect((await site.get('/pengadaan/survei/')).status).toBe(200);
  });
});
