import { beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { supplierCsvHeader } from '../../src/core/supplier-record.ts';
import { supplierPageSchema } from '../../src/core/supplier-schema.ts';
import { msmes, products } from '../../db/schema.ts';

const { app, db } = await freshApp();
beforeAll(async () => {
  await seedSample(db, { total: 300, now: new Date('2026-11-01T00:00:00Z') });
});

type Page = ReturnType<typeof supplierPageSchema.parse>;
const get = async (query: string) => {
  const res = await app.request(`/api/suppliers${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return supplierPageSchema.parse(await res.json()) as Page;
};

/** Every listing with its products, to check the API against plain arithmetic. */
async function everything() {
  const rows = await db.select().from(msmes);
  const items = await db.select().from(products);
  return rows.map((m) => ({ ...m, items: items.filter((p) => p.msmeId === m.id) }));
}

describe('GET /api/suppliers', () => {
  it('answers in the documented shape, cacheable, with pagination links', async () => {
    const res = await app.request('/api/suppliers?per_page=10&category=kuliner');
    expect(res.headers.get('cache-control')).toContain('stale-while-revalidate');
    const body = supplierPageSchema.parse(await res.json());
    expect(body.links.next).toMatch(/^\/api\/suppliers\?per_page=10&category=kuliner&after=[01]\.\d+\.\d+$/);
    const next = supplierPageSchema.parse(await (await app.request(body.links.next!)).json());
    const second = supplierPageSchema.parse(await (await app.request('/api/suppliers?per_page=10&category=kuliner&page=2')).json());
    expect(next.items.map((s) => s.slug)).toEqual(second.items.map((s) => s.slug));
    const keyword = supplierPageSchema.parse(await (await app.request('/api/suppliers?per_page=1&q=keripik')).json());
    if (keyword.pages > 1) expect(keyword.links.next).toBe('/api/suppliers?per_page=1&q=keripik&page=2');
    expect(body.order).toBe('verified-newest');
  });

  it('counts matches, verified matches and the price span exactly', async () => {
    const all = await everything();
    const inRegion = all.filter((m) => m.regencyCode === '32.73' && m.category === 'kuliner');
    const body = await get('?regency=32.73&category=kuliner&per_page=100');
    expect(body.total).toBe(inRegion.length);
    expect(body.verified).toBe(inRegion.filter((m) => m.nibVerifiedAt).length);
    const prices = inRegion.flatMap((m) => m.items);
    if (prices.length > 0) {
      expect(body.priceRange).toEqual({ min: Math.min(...prices.map((p) => p.priceMin)), max: Math.max(...prices.map((p) => p.priceMax ?? p.priceMin)) });
    }
  });

  it('combines a keyword with every kind of filter, all inside the index', async () => {
    const all = await everything();
    const target = all.find((m) => m.halalNumber && m.pirtNumber && m.nibVerifiedAt);
    expect(target).toBeDefined();
    const word = target!.name.split(' ')[0]!.toLowerCase();
    const kbli = target!.kbliCodes[0]!.slice(0, 3);
    const body = await get(`?q=${word}&regency=${target!.regencyCode}&category=${target!.category}&kbli=${kbli}&verified=1&halal=1&pirt=1&per_page=100`);
    expect(body.items.map((i) => i.slug)).toContain(target!.slug);
    for (const s of body.items) {
      expect(s.regency.code).toBe(target!.regencyCode);
      expect(s.category.slug).toBe(target!.category);
      expect(s.kbli.codes.some((c) => c.startsWith(kbli))).toBe(true);
      expect(s.nibVerifiedAt).not.toBeNull();
      expect(s.halalNumber).not.toBeNull();
      expect(s.pirtNumber).not.toBeNull();
    }
    expect(body.order).toBe('relevance');
    expect(body.verified).toBe(body.total);
  });

  it('filters by platform and by UMKM Juara', async () => {
    const lazada = await get('?platform=lazada&per_page=100');
    expect(lazada.total).toBeGreaterThan(0);
    expect(lazada.items.every((s) => s.storeLinks.some((l) => l.platform === 'lazada'))).toBe(true);
    const juara = await get('?juara=1&per_page=100');
    expect(juara.items.every((s) => s.isJuara)).toBe(true);
    expect(juara.total).toBe((await everything()).filter((m) => m.isJuara).length);
  });

  it.each([
    ['?kbli=1', 'kbli'],
    ['?kbli=abc', 'kbli'],
    ['?per_page=101', 'per_page'],
    [`?q=${'k'.repeat(101)}`, 'q'],
    ['?regency=32.99', 'regency'],
    ['?juara=ya', 'juara'],
    ['?nik=3273', 'nik'],
  ])('refuses %s naming %s', async (query, param) => {
    const res = await app.request(`/api/suppliers${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(param);
  });

  it('treats FTS syntax in keywords as words, never as a query error', async () => {
    for (const q of ['tags : nibok', '{name} : x', 'kab3273', 'NEAR(kopi teh)', '"', 'a OR b', '*', 'kopi)']) {
      const res = await app.request(`/api/suppliers?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    // A filter token typed as a keyword does not act as a filter.
    expect((await get('?q=nibok')).total).toBe(0);
  });
});

describe('GET /api/suppliers/export', () => {
  it('exports a whole result set as Excel-friendly CSV', async () => {
    const res = await app.request('/api/suppliers/export?format=csv&category=kuliner');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pemasok-etalase-jabar-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(supplierCsvHeader);
    const total = (await get('?category=kuliner')).total;
    expect(rows.length - 1).toBe(total);
    expect(rows.slice(1).every((r) => r[1] === 'Kuliner' && r.length === supplierCsvHeader.length)).toBe(true);
    // Kept for machines: the NIB quoted as text with its leading zero, dates on the WIB
    // clock in ISO 8601, the verification code with its Indonesian label, KBLI with its title.
    const text = new TextDecoder().decode(bytes);
    const json = (await (await app.request('/api/suppliers/export?format=json&category=kuliner')).json()) as { nib: string | null; nibVerifiedAt: string | null; verification: { level: string } }[];
    const zero = json.find((s) => s.nib?.startsWith('0'));
    expect(zero).toBeDefined();
    expect(text).toContain(`;"${zero!.nib}";`);
    const column = (name: string) => supplierCsvHeader.indexOf(name);
    const verified = rows.slice(1).find((r) => r[column('NIB diverifikasi petugas pada')] !== '')!;
    expect(verified[column('NIB diverifikasi petugas pada')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(verified[column('Tingkat verifikasi (kode)')]).toBe('staff');
    expect(verified[column('Tingkat verifikasi')]).toBe('diverifikasi petugas');
    expect(rows.slice(1).map((r) => r[column('KBLI (kode dan judul)')])).toContain('10794 Industri Kerupuk, Keripik, Peyek dan Sejenisnya');
  });

  it('exports a shortlist in the order given, as JSON', async () => {
    const { items } = await get('?per_page=3');
    const slugs = items.map((s) => s.slug).reverse();
    const res = await app.request(`/api/suppliers/export?format=json&slugs=${slugs.join(',')}`);
    expect(((await res.json()) as { slug: string }[]).map((s) => s.slug)).toEqual(slugs);
  });

  it.each([
    ['?format=xlsx', 'format'],
    ['?category=kuliner', 'format'],
    ['?format=csv&slugs=Bukan%20Slug', 'slugs'],
    ['?format=csv&page=2', 'page'],
  ])('refuses %s naming %s', async (query, param) => {
    const res = await app.request(`/api/suppliers/export${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(param);
  });
});

describe('OpenAPI and the procurement pages', () => {
  it('documents /api/suppliers with every filter and the response schema', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/suppliers']?.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'category', 'kbli', 'regency', 'district', 'platform', 'verified', 'halal', 'pirt', 'juara', 'page', 'per_page']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Supplier', 'SupplierPage', 'Problem']));
    // Every reference resolves inside the document (SupplierPage.items once pointed at "#/$defs/Supplier").
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toContain('#/components/schemas/Supplier');
    for (const ref of refs) expect(ref, ref).toMatch(/^#\/components\/schemas\/(\w+)$/);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
    expect((await app.request('/api/docs')).status).toBe(200);
  });

  it('documents every public operation of the API, from the same route definitions that check its requests', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    expect(operations.sort()).toEqual(
      [
        'GET /api/health health',
        'GET /api/msmes searchMsmes',
        'GET /api/msmes/{slug} getMsme',
        'POST /api/registrations register',
        'GET /api/registrations/{token} registrationStatus',
        'PUT /api/registrations/{token} editRegistration',
        'DELETE /api/registrations/{token} removeRegistration',
        'POST /api/registrations/{token}/photos addPhoto',
        'DELETE /api/registrations/{token}/photos/{photoId} removePhoto',
        'POST /api/reports reportProblem',
        'GET /api/suppliers searchSuppliers',
        'GET /api/suppliers/export exportSuppliers',
      ].sort(),
    );
    expect(doc.paths['/api/msmes/{slug}']?.['get']?.parameters).toEqual([expect.objectContaining({ name: 'slug', in: 'path' })]);
    expect(doc.paths['/api/registrations']?.['post']?.requestBody).toMatchObject({ content: { 'application/json': { schema: { required: expect.arrayContaining(['name', 'whatsapp', 'consent']) } } } });
    expect(doc.paths['/api/registrations/{token}/photos']?.['post']?.requestBody).toMatchObject({ content: { 'multipart/form-data': { schema: { required: ['photo'] } } } });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Msme', 'MsmePage', 'MsmeSummary', 'RegistrationCreated', 'RegistrationStatus', 'Photo', 'Health']));
    // What the document says is what is checked: a parameter it does not list is refused, naming it.
    const unknown = await app.request('/api/msmes?warna=merah');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([{ path: 'warna', message: 'Parameter "warna" tidak dikenal.' }]);
    const twice = await app.request('/api/suppliers?regency=32.73&regency=32.04');
    expect(((await twice.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe('Parameter "regency" hanya boleh diisi sekali.');
    // Categories are the one parameter that takes several: repeated, or comma-separated.
    expect((await app.request('/api/suppliers?category=kuliner&category=fesyen')).status).toBe(200);
    expect((await app.request('/api/msmes?category=&q=keripik')).status).toBe(200);
  });

  it('browses /pengadaan/ on by after, and says the page continues with a way back to the start', async () => {
    const first = await (await app.request('/pengadaan/?category=kuliner&per_page=5')).text();
    const next = /rel="next" href="([^"]+)"/.exec(first)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/pengadaan\/\?category=kuliner&per_page=5&after=/);
    const continued = await (await app.request(next!)).text();
    expect(continued).toContain('Lanjutan');
    expect(continued).toContain('href="/pengadaan/?category=kuliner&amp;per_page=5&amp;page=1">ke awal</a>');
  });

  it('renders /pengadaan/ with results and the counts, and keeps bad filters on the page with a 400', async () => {
    const ok = await app.request('/pengadaan/?category=kuliner&verified=1');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await ok.text();
    expect(html).toMatch(/<strong>\d+<\/strong> pemasok cocok, <strong>\d+<\/strong> dengan NIB terverifikasi/);
    expect(html).toContain('data-shortlist-toggle');
    const bad = await app.request('/pengadaan/?kbli=xx&q=%3Cscript%3E');
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Kode KBLI berisi 2 sampai 5 angka');
    // What was sent appears only as an attribute's text, never as an element.
    expect(badHtml.split('<script>').length).toBe(badHtml.split('value="<script>"').length);
  });

  it('renders the comparison and the printable sheet, and 404s an unknown supplier', async () => {
    const { items } = await get('?per_page=2');
    const compare = await app.request(`/pengadaan/bandingkan/?slugs=${items.map((s) => s.slug).join(',')}`);
    expect(await compare.text()).toContain(`Bandingkan ${items.length} pemasok`);
    const sheet = await app.request(`/pengadaan/pemasok/${items[0]!.slug}/`);
    expect(await sheet.text()).toContain('Lembar pemasok');
    expect((await app.request('/pengadaan/pemasok/tidak-ada/')).status).toBe(404);
  });
});
