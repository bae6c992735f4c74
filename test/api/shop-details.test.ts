import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshApp, json, validRegistration } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';
import { approve } from '../../db/queries/review.ts';

// What a shopper asks before buying, from the registration to the profile and the API.
const { app, db } = await freshApp();

describe('shop details', () => {
  it('go from the registration to the profile, its JSON-LD and the API; a bad one is a 422 naming its field', async () => {
    const bad = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Dodol Garut Ibu Nenden' }), mapUrl: 'https://evil.example/peta', openingHours: 'x'.repeat(120), products: [{ name: 'Dodol wijen', priceMin: 12000, url: 'https://evil.example/dodol' }] }));
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(['mapUrl', 'openingHours', 'products.0.url']);
    expect(errors.find((e) => e.path === 'products.0.url')!.message).toMatch(/^Tautan produk: /);
    expect(await db.select().from(msmes)).toEqual([]);

    const res = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Dodol Garut Ibu Nenden' }), openingHours: 'Setiap hari 07.00-20.00', madeToOrder: true, deliveryArea: 'Garut; luar kota lewat ekspedisi', minOrder: '10 kotak', bulkOrders: true, mapUrl: '-7.2123, 107.9001', products: Array.from({ length: 24 }, (_, i) => ({ name: `Dodol rasa ${i + 1}`, priceMin: 10_000 + i * 500, unit: '250 g', ...(i === 0 ? { url: 'https://www.tokopedia.com/dodolnenden/dodol-rasa-1?utm_source=wa' } : {}) })) }));
    expect(res.status).toBe(201);
    const { slug } = (await res.json()) as { slug: string };
    const [row] = await db.select().from(msmes).where(eq(msmes.slug, slug));
    await approve(db, { id: row!.id, version: row!.version, actor: 'staf:uji', now: new Date() });

    const page = await (await app.request(`/umkm/${slug}/`)).text();
    expect(page).toContain('<dt>Jam buka</dt><dd>Setiap hari 07.00-20.00; Dibuat sesuai pesanan</dd>');
    expect(page).toContain('<dt>Pengiriman</dt><dd>Garut; luar kota lewat ekspedisi</dd>');
    expect(page).toContain('<dt>Pesanan</dt><dd>Minimal 10 kotak; Terima pesanan partai besar</dd>');
    expect(page).toContain('href="https://www.openstreetmap.org/?mlat=-7.21230&amp;mlon=107.90010#map=17/-7.21230/107.90010"');
    expect(page.match(/<li><span>(<a [^>]*>)?Dodol rasa \d+/g)).toHaveLength(24);
    // The first product links straight to its page on the marketplace, tracking dropped.
    expect(page).toContain('<a href="https://www.tokopedia.com/dodolnenden/dodol-rasa-1" rel="noopener nofollow" target="_blank">Dodol rasa 1');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as Record<string, unknown>;
    expect(ld).toMatchObject({ openingHours: 'Setiap hari 07.00-20.00', hasMap: expect.stringContaining('openstreetmap') });
    expect(ld['makesOffer']).toHaveLength(24);
    expect((ld['makesOffer'] as Record<string, unknown>[])[0]).toMatchObject({ url: 'https://www.tokopedia.com/dodolnenden/dodol-rasa-1' });

    const api = (await (await app.request(`/api/msmes/${slug}`)).json()) as Record<string, unknown>;
    expect(api).toMatchObject({ openingHours: 'Setiap hari 07.00-20.00', madeToOrder: true, deliveryArea: 'Garut; luar kota lewat ekspedisi', minOrder: '10 kotak', bulkOrders: true });
  });
});
