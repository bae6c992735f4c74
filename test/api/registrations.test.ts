import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { freshApp, json, validRegistration } from '../helpers.ts';
import { auditLog, msmes, products, storeLinks } from '../../db/schema.ts';

const { app, db } = await freshApp();

async function counts() {
  const [m] = await db.select({ n: count() }).from(msmes);
  const [l] = await db.select({ n: count() }).from(storeLinks);
  const [p] = await db.select({ n: count() }).from(products);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { msmes: m?.n, links: l?.n, products: p?.n, audit: a?.n };
}

describe('POST /api/registrations', () => {
  it('stores a valid registration as pending, normalised, and returns a private status URL', async () => {
    const res = await app.request('/api/registrations', json(validRegistration()));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { slug: string; status: string; statusUrl: string; statusToken: string };
    expect(body.status).toBe('pending');
    expect(body.slug).toBe('keripik-tempe-bu-enok');
    expect(body.statusUrl).toBe(`http://localhost:4321/status/${body.statusToken}`);
    expect(res.headers.get('location')).toBe(body.statusUrl);

    const [row] = await db.select().from(msmes);
    expect(row?.whatsapp).toBe('+6281234567890');
    expect(row?.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.statusTokenHash).not.toContain(body.statusToken);
    const links = await db.select().from(storeLinks);
    expect(links.map((l) => [l.platform, l.url])).toEqual([
      ['tokopedia', 'https://www.tokopedia.com/keripikbuenok'],
      ['shopee', 'https://shopee.co.id/keripikbuenok'],
    ]);
    const [product] = await db.select().from(products);
    expect([product?.priceMin, product?.priceMax]).toEqual([15000, 25000]);

    const status = await app.request(`/api/registrations/${body.statusToken}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: 'pending', name: 'Keripik Tempe Bu Enok' });
  });

  it('gives a second business of the same name its own slug', async () => {
    const res = await app.request('/api/registrations', json(validRegistration({ nib: undefined })));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { slug: string }).slug).toBe('keripik-tempe-bu-enok-2');
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['name', { name: '' }, 'Isi nama usaha, minimal 3 huruf.'],
    ['name', { name: '<script>alert(1)</script>' }, 'HTML'],
    ['description', { description: 'pendek' }, 'minimal 20'],
    ['category', { category: 'senjata' }, 'kategori'],
    ['regencyCode', { regencyCode: '31.71' }, 'kabupaten/kota'],
    ['districtCode', { districtCode: '32.01.01' }, 'kecamatan'],
    ['whatsapp', { whatsapp: '021-1234567' }, 'ponsel'],
    ['whatsapp', { whatsapp: 12345 }, 'WhatsApp'],
    ['nib', { nib: '12345' }, '13 angka'],
    ['pirtNumber', { pirtNumber: 'abc' }, '15 angka'],
    ['halalNumber', { halalNumber: '12345' }, 'ID'],
    ['kbliCodes.0', { kbliCodes: ['1079'] }, '5 angka'],
    ['storeLinks.0', { storeLinks: ['javascript:alert(1)'] }, 'https://'],
    ['storeLinks.0', { storeLinks: ['http://www.tokopedia.com/toko'] }, 'https://'],
    ['storeLinks.1', { storeLinks: ['https://www.tokopedia.com/toko', 'https://tokopedia.com.evil.id/toko'] }, 'belum dikenali'],
    ['storeLinks.0', { storeLinks: [] }, 'minimal satu'],
    ['products.0.priceMin', { products: [{ name: 'Kopi', priceMin: 'murah' }] }, 'rupiah'],
    ['products.0.priceMax', { products: [{ name: 'Kopi', priceMin: 20000, priceMax: 1000 }] }, 'tertinggi'],
    ['consent', { consent: false }, 'Centang'],
    ['email', { email: 'bukan-email' }, 'email'],
    ['nik', { nik: '3273010101010001' }, 'tidak dikenal'],
  ];

  it.each(bad)('refuses a bad %s with 422 naming it, and stores nothing', async (path, override, fragment) => {
    const before = await counts();
    const res = await app.request('/api/registrations', json({ ...validRegistration(), ...override }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { path: string; message: string }[]; detail: string };
    const error = problem.errors.find((e) => e.path === path);
    expect(error, JSON.stringify(problem.errors)).toBeDefined();
    expect(error?.message).toContain(fragment);
    expect(await counts()).toEqual(before);
  });

  it('refuses broken JSON, a JSON array, an unknown media type and an oversized body', async () => {
    const before = await counts();
    const broken = await app.request('/api/registrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { detail: string }).detail).toContain('JSON');
    expect((await app.request('/api/registrations', json([1, 2]))).status).toBe(400);
    const text = await app.request('/api/registrations', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hai' });
    expect(text.status).toBe(415);
    const huge = await app.request('/api/registrations', json({ ...validRegistration(), description: 'a'.repeat(200_000) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { detail: string }).detail).toContain('terlalu besar');
    expect(await counts()).toEqual(before);
  });

  it('counts a body sent without a declared length, refusing it past the limit and accepting it under', async () => {
    const streamed = (text: string) =>
      ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            const bytes = new TextEncoder().encode(text);
            for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
            controller.close();
          },
        }),
        duplex: 'half',
      }) as RequestInit;
    const before = await counts();
    const huge = await app.request('/api/registrations', streamed(JSON.stringify({ ...validRegistration(), description: 'a'.repeat(100_000) })));
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual(before);
    const ok = await app.request('/api/registrations', streamed(JSON.stringify(validRegistration({ name: 'Bolu Pandan Ceu Popon' }))));
    expect(ok.status).toBe(201);
  });

  it('answers the registration page\'s plain form (no JavaScript) with a redirect to the status page', async () => {
    const form = new URLSearchParams({
      name: 'Dodol Garut Ibu Imas',
      description: 'Dodol Garut asli dengan gula aren, dibuat di rumah sejak 1998.',
      category: 'oleh-oleh',
      regencyCode: '32.05',
      districtCode: '32.05.01',
      whatsapp: '+62 813 1111 2222',
      'storeLinks.0': 'https://tokopedia.link/AbC123',
      'storeLinks.1': '',
      'products.0.name': 'Dodol original 500 g',
      'products.0.priceMin': 'Rp 35.000',
      'products.1.name': '',
      'products.1.priceMin': '',
      consent: 'true',
    });
    const res = await app.request('/daftar/kirim/', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/status\/[A-Za-z0-9_-]{43}\?baru=1$/);
    const page = await app.request(location);
    expect(page.status).toBe(200);
    // A private link: never leaked through the Referer header, never cached.
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Menunggu verifikasi');
    expect(html).toContain('Simpan tautan ini');
  });

  it('answers the plain form with mistakes with the form again, values kept (only ever inside attributes) and errors beside fields', async () => {
    const before = await counts();
    const form = new URLSearchParams({
      name: 'Batik <b>Tulis</b>',
      description: 'Batik tulis khas Garut dengan motif merak.',
      category: 'fesyen',
      regencyCode: '32.05',
      districtCode: '32.05.01',
      whatsapp: '0812',
      'storeLinks.0': 'https://www.tokopedia.com/batikgarut',
      consent: 'true',
    });
    const res = await app.request('/daftar/kirim/', { method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('value="Batik <b>Tulis</b>"');
    // Markup that was sent appears only as an attribute's text, never as an element.
    expect(html.split('<b>Tulis</b>').length).toBe(html.split('value="Batik <b>Tulis</b>"').length);
    expect(html).toContain('Ada 2 isian yang perlu diperbaiki');
    expect(html).toMatch(/id="f-whatsapp-error"[^>]*>[^<]*ponsel/);
    expect(html).toContain('value="https://www.tokopedia.com/batikgarut"');
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown status token with 404 problem+json, and the page with a 404 page', async () => {
    const res = await app.request(`/api/registrations/${'a'.repeat(43)}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toContain('tidak ditemukan');
    const page = await app.request('/status/bukan-token');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Tautan status ini tidak dikenal');
  });

  it('sends a GET of the form\'s address back to the form', async () => {
    const res = await app.request('/daftar/kirim/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/daftar/');
  });
});

describe('slugs for many listings with one name', () => {
  it('finds a free slug for every one of 50 registrations of the same long name', { timeout: 120_000 }, async () => {
    // Long names are cut to 60 characters, and their "-2", "-50" candidates are cut further to fit.
    const word = fc.stringMatching(/^[a-z]{3,12}$/);
    const longName = fc.array(word, { minLength: 8, maxLength: 14 }).map((words) => words.join(' ')).filter((n) => n.length >= 61 && n.length <= 100);
    await fc.assert(
      fc.asyncProperty(longName, async (name) => {
        const slugs = new Set<string>();
        for (let i = 0; i < 50; i++) {
          const res = await app.request('/api/registrations', json(validRegistration({ name })));
          expect(res.status).toBe(201);
          const { slug } = (await res.json()) as { slug: string };
          expect(slug.length).toBeLessThanOrEqual(60);
          slugs.add(slug);
        }
        expect(slugs.size).toBe(50);
      }),
      { numRuns: 3 },
    );
  });
});

