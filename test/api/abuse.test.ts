import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshApp, json, onEdge, validRegistration } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';

let now = new Date('2026-11-29T03:00:00Z');
const { app, db } = await freshApp({ writesPerMinute: 3, now: () => now });
const stored = async () => (await db.select({ n: count() }).from(msmes))[0]?.n;

describe('the honeypot', () => {
  it('refuses a write whose hidden field was filled, naming it, and stores nothing', async () => {
    const before = await stored();
    const res = await app.request('/api/registrations', json({ ...validRegistration(), website: 'http://spam.example' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['website']);
    expect(await stored()).toBe(before);
  });

  it('lets the empty field of a real form through', async () => {
    const res = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Wajit Cililin Bu Odah' }), website: '' }));
    expect(res.status).toBe(201);
  });
});

// On the Worker the limit is a deploy variable (test:edge raises it), so this runs in process only.
describe.skipIf(onEdge)('the write rate limit', () => {
  it('answers 429 with Retry-After past the limit, counts reads not at all, and resets after a minute', async () => {
    now = new Date('2026-11-29T04:00:00Z');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/api/registrations', json({ name: '' }))).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
    const limited = await app.request('/api/registrations', json(validRegistration({ name: 'Tidak Tersimpan' })));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as { detail: string }).detail).toContain('Coba lagi dalam 60 detik');
    expect((await app.request('/api/msmes')).status).toBe(200);
    now = new Date('2026-11-29T04:01:00Z');
    expect((await app.request('/api/registrations', json(validRegistration({ name: 'Tersimpan Setelah Jeda' })))).status).toBe(201);
  });

  it('answers the registration page\'s form sent past the limit with a page in Indonesian, sharing the limit with the API', async () => {
    now = new Date('2026-11-29T05:00:00Z');
    const send = () =>
      app.request('/daftar/kirim/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml' },
        body: new URLSearchParams({ name: 'Formulir Tanpa JS' }).toString(),
      });
    for (let i = 0; i < 2; i++) expect((await send()).status).toBe(422);
    // One limit per client for the API and the pages' forms.
    expect((await app.request('/api/registrations', json({ name: 'Lewat API' }))).status).toBe(422);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.headers.get('retry-after')).toBe('60');
    const html = await limited.text();
    expect(html).toContain('Terlalu banyak pengiriman dari perangkat ini. Coba lagi dalam 60 detik.');
    expect(html).toContain('isian Anda masih ada di sana');
  });
});
