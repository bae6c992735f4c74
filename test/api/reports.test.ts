import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshApp, json } from '../helpers.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { msmeReports, msmes } from '../../db/schema.ts';

const { app, db } = await freshApp();
let slug = '';
beforeAll(async () => {
  await seedSample(db, { total: 5, now: new Date('2026-11-01T00:00:00Z') });
  slug = (await db.select({ slug: msmes.slug }).from(msmes).limit(1))[0]!.slug;
});
const reports = async () => (await db.select({ n: count() }).from(msmeReports))[0]?.n;

describe('POST /api/reports', () => {
  it('stores a report on a published profile for the staff queue', async () => {
    const res = await app.request('/api/reports', json({ slug, reason: 'tautan-mati', message: 'Tautan Shopee tidak bisa dibuka.', contact: '' }));
    expect(res.status).toBe(201);
    const [row] = await db.select().from(msmeReports);
    expect(row).toMatchObject({ reason: 'tautan-mati', message: 'Tautan Shopee tidak bisa dibuka.', contact: null, status: 'open' });
  });

  it('thanks the profile\'s plain form (no JavaScript) with a page, and names a bad field on one', async () => {
    const res = await app.request(`/umkm/${slug}/lapor/`, { method: 'POST', body: new URLSearchParams({ reason: 'tutup', website: '' }) });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('Laporan terkirim');
    const bad = await app.request(`/umkm/${slug}/lapor/`, { method: 'POST', body: new URLSearchParams({ reason: 'spam', website: '' }) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Maaf, permintaan tidak dapat diproses');
    expect((await app.request(`/umkm/${slug}/lapor/`)).headers.get('location')).toBe(`/umkm/${slug}/`);
  });

  it.each([
    [{ reason: 'spam' }, 'reason', 422],
    [{ message: '<a href=x>klik</a>' }, 'message', 422],
    [{ slug: 'Bukan Slug' }, 'slug', 422],
    [{ extra: 1 }, 'extra', 422],
    [{ website: 'http://bot' }, 'website', 400],
  ])('refuses %j naming %s and stores nothing', async (override, path, status) => {
    const before = await reports();
    const res = await app.request('/api/reports', json({ slug, reason: 'lainnya', ...override }));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await reports()).toBe(before);
  });

  it('answers 404 for a listing that is not published', async () => {
    await db.update(msmes).set({ status: 'pending' }).where(eq(msmes.slug, slug));
    expect((await app.request('/api/reports', json({ slug, reason: 'tutup' }))).status).toBe(404);
    await db.update(msmes).set({ status: 'published' }).where(eq(msmes.slug, slug));
  });
});
