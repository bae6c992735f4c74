import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formPost, freshApp, json, onEdge, staffBrowser, validRegistration, type Target } from '../helpers.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { auditLog, msmes, storeLinks } from '../../db/schema.ts';

/** The staff queue of store links the checker flagged (/admin/tautan), as a reviewer uses it. */
const now = new Date('2026-12-01T03:00:00Z');
const changes: string[][] = [];
const { app, db } = await freshApp({ now: () => now, pagesChanged: (tags) => void changes.push(tags) });
const PASSWORD = 'kata-sandi-panjang-123';
await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: PASSWORD }, now);
await createStaff(db, { username: 'asep', displayName: 'Asep Mentor', role: 'mentor', password: PASSWORD }, now);

const signIn = (target: Target, username: string) => staffBrowser(target, username, PASSWORD);
const form = (fields: Record<string, string>) => formPost(app, fields);

type Link = typeof storeLinks.$inferSelect;
let moved: Link;
let gone: Link;
let suspect: Link;
let slugOfGone = '';

beforeAll(async () => {
  await seedSample(db, { total: 6, now: new Date('2026-11-01T00:00:00Z') });
  const rows = await db.select({ link: storeLinks, slug: msmes.slug }).from(storeLinks).innerJoin(msmes, eq(msmes.id, storeLinks.msmeId)).where(and(eq(msmes.status, 'published'), eq(storeLinks.platform, 'tokopedia')));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  await db.update(storeLinks).set({ checkState: 'moved', checkDetail: '200 setelah pengalihan', movedTo: 'https://www.tokopedia.com/tokobaru-pindah', checkedAt: now }).where(eq(storeLinks.id, a.link.id));
  await db.update(storeLinks).set({ checkState: 'gone', checkDetail: '404', failingSince: new Date('2026-11-20T00:00:00Z'), checkedAt: now }).where(eq(storeLinks.id, b.link.id));
  await db.update(storeLinks).set({ checkState: 'suspect', checkDetail: '410', failingSince: now, checkedAt: now }).where(eq(storeLinks.id, c.link.id));
  [moved, gone, suspect] = [a.link, b.link, c.link];
  slugOfGone = b.slug;
});

describe('the store-link queue', () => {
  it('shows reviewers the moved, gone and suspect links, with what to do, and keeps mentors out', async () => {
    const reviewer = await signIn(app, 'rina');
    const page = await (await reviewer.get('/admin/tautan')).text();
    expect(page).toContain('3 tautan dalam antrean.');
    expect(page.indexOf(moved.url)).toBeLessThan(page.indexOf(gone.url));
    expect(page).toContain('https://www.tokopedia.com/tokobaru-pindah');
    expect(page).toContain(`action="/admin/tautan/${moved.id}/pakai-alamat-baru"`);
    expect(page).not.toContain(`action="/admin/tautan/${gone.id}/pakai-alamat-baru"`);
    const mentor = await signIn(app, 'asep');
    expect((await mentor.get('/admin/tautan')).status).toBe(403);
    expect((await mentor.post(`/admin/tautan/${gone.id}/hapus`)).status).toBe(403);
    expect(await db.select().from(storeLinks).where(eq(storeLinks.id, gone.id))).toHaveLength(1);
  });

  it('does not show a gone link on the public profile, but keeps it for the owner and staff', async () => {
    const profile = await (await app.request(`/umkm/${slugOfGone}/`)).text();
    expect(profile).not.toContain(gone.url);
  });

  it('takes the address a shop moved to as its link, with the platform counts and the audit log', async () => {
    const reviewer = await signIn(app, 'rina');
    const res = await reviewer.post(`/admin/tautan/${moved.id}/pakai-alamat-baru`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/tautan?selesai=1');
    const links = await db.select().from(storeLinks).where(eq(storeLinks.msmeId, moved.msmeId));
    expect(links.map((l) => l.url)).toContain('https://www.tokopedia.com/tokobaru-pindah');
    expect(links.map((l) => l.url)).not.toContain(moved.url);
    expect(links.find((l) => l.url.endsWith('tokobaru-pindah'))).toEqual(expect.objectContaining({ checkState: 'ok', position: moved.position, platform: 'tokopedia' }));
    const [log] = await db.select().from(auditLog).where(and(eq(auditLog.msmeId, moved.msmeId), eq(auditLog.action, 'link-moved')));
    expect(log?.detail).toEqual({ from: moved.url, to: 'https://www.tokopedia.com/tokobaru-pindah' });
    // The Worker's cached pages expire on their own; in process the change drops them at once.
    if (!onEdge) expect(changes.flat()).toContain('direktori');
    // Deciding again on the link that no longer exists: a conflict, said plainly.
    const again = await reviewer.post(`/admin/tautan/${moved.id}/pakai-alamat-baru`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('sudah berubah atau dihapus sejak halaman dibuka');
  });

  it('removes a gone link, and sends a suspect back to be checked on the next run', async () => {
    const reviewer = await signIn(app, 'rina');
    expect((await reviewer.post(`/admin/tautan/${gone.id}/hapus`)).status).toBe(303);
    expect(await db.select().from(storeLinks).where(eq(storeLinks.id, gone.id))).toEqual([]);
    expect((await reviewer.post(`/admin/tautan/${suspect.id}/periksa-lagi`)).status).toBe(303);
    const [again] = await db.select().from(storeLinks).where(eq(storeLinks.id, suspect.id));
    expect(again).toEqual(expect.objectContaining({ checkState: null, failingSince: null, nextCheckAt: 0 }));
    const actions = await db.all<{ action: string }>(sql`SELECT action FROM audit_log WHERE action LIKE 'link-%' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['link-moved', 'link-removed', 'link-recheck']);
  });

  it.each([
    ['/admin/tautan/abc/hapus', 404],
    ['/admin/tautan/99999/hapus', 409],
    ['/admin/tautan/1/buang', 422],
  ])('answers %s with %i', async (path, status) => {
    const reviewer = await signIn(app, 'rina');
    const res = await reviewer.post(path);
    expect(res.status).toBe(status);
  });

  it('refuses a decision without the form token', async () => {
    const res = await app.request(`/admin/tautan/${suspect.id}/hapus`, form({}));
    expect([401, 403]).toContain(res.status);
    expect(await db.select().from(storeLinks).where(eq(storeLinks.id, suspect.id))).toHaveLength(1);
  });

  it('tells the owner on their status page which link failed and since when', async () => {
    const res = await app.request('/api/registrations', json(validRegistration({ name: 'Keripik Tautan Putus', storeLinks: ['https://www.tokopedia.com/keripikputus', 'https://shopee.co.id/keripikputus'] })));
    const { slug, statusToken } = (await res.json()) as { slug: string; statusToken: string };
    const [row] = await db.select().from(msmes).where(eq(msmes.slug, slug));
    await db.update(msmes).set({ status: 'published', publishedAt: now }).where(eq(msmes.id, row!.id));
    await db.update(storeLinks).set({ checkState: 'gone', checkDetail: '404', failingSince: new Date('2026-11-20T00:00:00Z') }).where(and(eq(storeLinks.msmeId, row!.id), eq(storeLinks.platform, 'shopee')));
    const page = await (await app.request(`/status/${statusToken}`)).text();
    expect(page).toContain('Tautan toko yang perlu diperiksa');
    expect(page).toMatch(/https:\/\/shopee\.co\.id\/keripikputus<\/span>: tidak ditemukan sejak 20 November 2026, jadi tidak lagi ditampilkan di profil\./);
    expect(page).not.toMatch(/tokopedia\.com\/keripikputus<\/span>:/);
  });
});
