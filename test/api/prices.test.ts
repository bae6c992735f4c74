import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshApp, json, validRegistration } from '../helpers.ts';
import { msmes, products } from '../../db/schema.ts';
import { onEdge } from '../helpers.ts';

let now = new Date('2026-11-01T03:00:00Z');
const { app, db } = await freshApp({ now: () => now });

describe("an owner's prices", () => {
  it.skipIf(onEdge)('carry their unit and the date the owner said they hold; one tap on the status page dates them today, without review', async () => {
    const res = await app.request('/api/registrations', json(validRegistration({ name: 'Keripik Pisang Bu Ani', products: [{ name: 'Keripik pisang', priceMin: 15000, unit: '250 g' }, { name: 'Keripik pisang', priceMin: 55000, unit: '1 kg' }] })));
    expect(res.status).toBe(201);
    const { statusToken, slug } = (await res.json()) as { statusToken: string; slug: string };
    const [m] = await db.select().from(msmes).where(eq(msmes.slug, slug));
    let items = await db.select().from(products).where(eq(products.msmeId, m!.id));
    expect(items.map((p) => [p.unit, p.priceConfirmedAt?.toISOString()])).toEqual([['250 g', now.toISOString()], ['1 kg', now.toISOString()]]);
    now = new Date('2027-06-01T03:00:00Z');
    const page = await app.request(`/status/${statusToken}`);
    expect(await page.text()).toContain('Harga masih berlaku');
    const tap = await app.request(`/status/${statusToken}/harga`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(tap.status).toBe(303);
    expect(tap.headers.get('location')).toBe(`/status/${statusToken}?harga=1`);
    items = await db.select().from(products).where(eq(products.msmeId, m!.id));
    expect(items.every((p) => p.priceConfirmedAt?.toISOString() === now.toISOString())).toBe(true);
    const [after] = await db.select().from(msmes).where(eq(msmes.id, m!.id));
    expect(after!.version).toBe(m!.version);
    expect((await app.request(`/status/${'x'.repeat(43)}/harga`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status).toBe(404);
  });

  it('refuses a unit that is too long or carries markup, naming the field', async () => {
    for (const unit of ['x'.repeat(31), '<b>250 g</b>']) {
      const res = await app.request('/api/registrations', json(validRegistration({ name: 'Kopi Bu Ani', products: [{ name: 'Kopi bubuk', priceMin: 15000, unit }] })));
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['products.0.unit']);
    }
  });
});
