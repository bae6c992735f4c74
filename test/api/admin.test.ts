import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshApp, json, onEdge, validRegistration, type Target } from '../helpers.ts';
import { createStaff, updateAccount } from '../../db/queries/staff.ts';
import { auditLog, msmeRevisions, msmes, staffSessions } from '../../db/schema.ts';

let now = new Date('2026-11-29T03:00:00Z');
const changes: string[][] = [];
const { app, db } = await freshApp({ now: () => now, pagesChanged: (tags) => void changes.push(tags) });
const origin = app.origin;

const PASSWORD = 'kata-sandi-panjang-123';
await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: PASSWORD }, now);
await createStaff(db, { username: 'asep', displayName: 'Asep Mentor', role: 'mentor', password: PASSWORD }, now);
await createStaff(db, { username: 'dewi', displayName: 'Dewi Lockout', role: 'reviewer', password: PASSWORD }, now);

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
  body: new URLSearchParams(fields).toString(),
});

const signInRequest = (username: string, password: string) => app.request('/admin/masuk', form({ username, password }));

/** A signed-in browser: the session cookie on every request, the CSRF token from a page. */
async function signIn(target: Target, username: string) {
  const res = await signInRequest(username, PASSWORD);
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  const pair = cookie.split(';')[0]!;
  const page = await target.request('/admin/daftar', { headers: { cookie: pair } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return {
    cookie: pair,
    rawCookie: cookie,
    csrf,
    get: (path: string) => target.request(path, { headers: { cookie: pair } }),
    post: (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => target.request(path, form({ csrf, ...fields }, { cookie: pair, ...headers })),
  };
}

async function register(name: string, overrides = {}) {
  const res = await app.request('/api/registrations', json(validRegistration({ name, ...overrides })));
  expect(res.status).toBe(201);
  const body = (await res.json()) as { slug: string; statusToken: string };
  const [row] = await db.select().from(msmes).where(eq(msmes.slug, body.slug));
  return { ...body, id: row!.id, version: row!.version };
}

const reviewer = await signIn(app, 'rina');
const mentor = await signIn(app, 'asep');

describe('staff sign-in', () => {
  it('sends a visitor without a session to the sign-in page, keeping where they were going', async () => {
    const res = await app.request('/admin/antrean?jenis=baru');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/masuk?lanjut=%2Fadmin%2Fantrean%3Fjenis%3Dbaru');
    const page = await app.request('/admin/masuk?lanjut=%2Fadmin%2Fantrean');
    const html = await page.text();
    expect(html).toContain('<label for="f-username">Nama pengguna</label>');
    expect(html).toContain('name="lanjut" value="/admin/antrean"');
    expect(page.headers.get('cache-control')).toBe('no-store');
    // Staff pages load no WebAssembly, so their policy allows none.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('refuses a wrong password and an unknown name with the same words, and sets no cookie', async () => {
    for (const [username, password] of [
      ['rina', 'salah-sekali-123'],
      ['tidakada', PASSWORD],
    ] as const) {
      const res = await signInRequest(username, password);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('Nama pengguna atau kata sandi salah.');
    }
  });

  it('opens a session with an HttpOnly, Secure, SameSite=Strict __Host- cookie whose token is stored only as a hash', async () => {
    const res = await signInRequest('rina', PASSWORD);
    expect(res.headers.get('location')).toBe('/admin/antrean');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-etalase-staf=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const token = /=([^;]+);/.exec(cookie)![1]!;
    const stored = await db.select().from(staffSessions);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
  });

  it('follows the lanjut target only inside /admin', async () => {
    const inside = await app.request('/admin/masuk', form({ username: 'rina', password: PASSWORD, lanjut: '/admin/laporan' }));
    expect(inside.headers.get('location')).toBe('/admin/laporan');
    const outside = await app.request('/admin/masuk', form({ username: 'rina', password: PASSWORD, lanjut: '//jahat.example/admin' }));
    expect(outside.headers.get('location')).toBe('/admin/antrean');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await app.request('/admin/masuk', form({ username: 'rina', password: PASSWORD }, { origin: 'https://jahat.example' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: the session is deleted, so the old cookie no longer opens anything', async () => {
    const session = await signIn(app, 'rina');
    const out = await session.post('/admin/keluar', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/admin/masuk?keluar=1');
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-etalase-staf=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    expect(out.headers.get('clear-site-data')).toBe('"cache"');
    const after = await session.get('/admin/antrean');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toContain('/admin/masuk');
  });
});

describe('own account', () => {
  it('changes the password only with the current one, errors beside the fields, and ends the other sessions', async () => {
    await createStaff(db, { username: 'yani', displayName: 'Yani', role: 'reviewer', password: PASSWORD }, now);
    const here = await signIn(app, 'yani');
    const elsewhere = await signIn(app, 'yani');
    const mismatch = await here.post('/admin/akun', { current: PASSWORD, password: 'kata-sandi-baru-sekali', repeat: 'kata-sandi-lain-sekali' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toMatch(/id="f-repeat-error" role="status">Kedua kata sandi baru tidak sama\./);
    const wrong = await here.post('/admin/akun', { current: 'bukan-kata-sandinya', password: 'kata-sandi-baru-sekali', repeat: 'kata-sandi-baru-sekali' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Kata sandi sekarang salah.');
    const short = await here.post('/admin/akun', { current: PASSWORD, password: 'pendek', repeat: 'pendek' });
    expect(await short.text()).toContain('Kata sandi minimal 12 karakter.');
    const ok = await here.post('/admin/akun', { current: PASSWORD, password: 'kata-sandi-baru-sekali', repeat: 'kata-sandi-baru-sekali' });
    expect(ok.status).toBe(303);
    expect((await here.get('/admin/akun?diganti=1')).status).toBe(200);
    expect((await elsewhere.get('/admin/antrean')).status).toBe(303);
    expect((await signInRequest('yani', PASSWORD)).status).toBe(401);
    expect((await signInRequest('yani', 'kata-sandi-baru-sekali')).status).toBe(303);
  });

  it('a disabled account cannot sign in (same words as a wrong password) and its sessions end at once', async () => {
    await createStaff(db, { username: 'tono', displayName: 'Tono', role: 'mentor', password: PASSWORD }, now);
    const session = await signIn(app, 'tono');
    await updateAccount(db, 'tono', { disabled: true }, now);
    expect((await session.get('/admin/binaan')).status).toBe(303);
    const refused = await signInRequest('tono', PASSWORD);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Nama pengguna atau kata sandi salah.');
    await updateAccount(db, 'tono', { disabled: false }, now);
    expect((await signInRequest('tono', PASSWORD)).status).toBe(303);
  });
});

describe('CSRF protection on staff forms', () => {
  it('refuses a decision without the session token, with a wrong one, or from another origin, and changes nothing', async () => {
    const { id, version } = await register('Dodol Garut Ceu Imas');
    const base = `/admin/umkm/${id}/setujui`;
    const missing = await reviewer.get('/admin/antrean').then(() => app.request(base, form({ version: String(version) }, { cookie: reviewer.cookie })));
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('Formulir ini kedaluwarsa atau dikirim dari situs lain');
    const wrong = await app.request(base, form({ version: String(version), csrf: 'x'.repeat(43) }, { cookie: reviewer.cookie }));
    expect(wrong.status).toBe(403);
    const crossSite = await reviewer.post(base, { version: String(version) }, { origin: 'https://jahat.example' });
    expect(crossSite.status).toBe(403);
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.status).toBe('pending');
    expect(row!.version).toBe(version);
  });
});

describe('the review queue', () => {
  it('lists new registrations and edits, oldest first, and flags a second listing with the same NIB', async () => {
    const first = await register('Batik Trusmi Pak Darma', { nib: '9876543210123' });
    const second = await register('Batik Darma Trusmi Asli', { nib: '9876543210123', whatsapp: '0813-1111-2222' });
    const res = await reviewer.get('/admin/antrean');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/admin/umkm/${first.id}"`);
    expect(html).toContain(`href="/admin/umkm/${second.id}"`);
    expect(html).toContain('NIB sama: Batik Trusmi Pak Darma');
    const duplicatesOnly = await (await reviewer.get('/admin/antrean?duplikat=1')).text();
    expect(duplicatesOnly).not.toContain('Dodol Garut');
    const searched = await (await reviewer.get('/admin/antrean?q=trusmi')).text();
    expect(searched).toContain('2 menunggu keputusan');
  });

  it('flags the same WhatsApp number with a similar name, but not a different business on the same phone', async () => {
    await register('Warung Nasi Bu Tati', { nib: undefined, whatsapp: '0857-7777-8888' });
    const similar = await register('Nasi Bu Tati', { nib: undefined, whatsapp: '0857-7777-8888' });
    const other = await register('Servis Sepatu Kang Ujang', { nib: undefined, whatsapp: '0857-7777-8888' });
    const html = await (await reviewer.get('/admin/antrean?q=0857-7777-8888')).text();
    expect(html).toContain('WhatsApp sama, nama mirip');
    const similarPage = await (await reviewer.get(`/admin/umkm/${similar.id}`)).text();
    expect(similarPage).toContain('Diduga ganda');
    const otherPage = await (await reviewer.get(`/admin/umkm/${other.id}`)).text();
    expect(otherPage).not.toContain('Diduga ganda');
  });

  it('answers bad filters and ids with a clear error, never a 500', async () => {
    const kind = await reviewer.get('/admin/antrean?jenis=semua');
    expect(kind.status).toBe(400);
    expect(await kind.text()).toContain('Jenis antrean: baru, ubah atau foto.');
    expect((await reviewer.get('/admin/antrean?urut=baru')).status).toBe(400);
    expect((await reviewer.get('/admin/antrean?wilayah=99.99')).status).toBe(400);
    expect((await reviewer.get(`/admin/antrean?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await reviewer.get('/admin/umkm/abc')).status).toBe(404);
    expect((await reviewer.get('/admin/umkm/999999')).status).toBe(404);
    const quoted = await reviewer.get(`/admin/antrean?q=${encodeURIComponent('%_" OR 1=1 --')}`);
    expect(quoted.status).toBe(200);
  });

  it('finds names with _, % and \\ literally in the queue search, and only those', async () => {
    const names = ['Kue_Balok Mang Oji', 'Diskon 50% Batik Ciamis', 'Kopi \\ Teh Sunda'];
    for (const name of names) await register(name, { nib: undefined, whatsapp: '0813-1111-2222' });
    await register('KueXBalok Lain', { nib: undefined, whatsapp: '0813-1111-3333' });
    for (const [q, name] of [['e_B', 'Kue_Balok Mang Oji'], ['50%', 'Diskon 50% Batik Ciamis'], ['i \\ T', 'Kopi \\ Teh Sunda']] as const) {
      const html = await (await reviewer.get(`/admin/antrean?q=${encodeURIComponent(q)}`)).text();
      expect(html).toContain('1 menunggu keputusan');
      expect(html).toContain(name);
    }
    expect(await (await reviewer.get(`/admin/antrean?q=${encodeURIComponent('e_b')}`)).text()).not.toContain('KueXBalok');
  });
});

describe('decisions', () => {
  it('approves a new registration: it is published, searchable, audited with who, and its cached pages are dropped', async () => {
    const { id, version, statusToken } = await register('Kerupuk Kulit Mang Oleh');
    const before = changes.length;
    const res = await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/umkm/${id}?selesai=setujui`);
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.status).toBe('published');
    expect(row!.publishedAt).not.toBeNull();
    const search = (await (await app.request('/api/suppliers?q=kerupuk%20kulit')).json()) as { items: { slug: string }[] };
    expect(search.items.map((s) => s.slug)).toContain(row!.slug);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.msmeId, id), eq(auditLog.action, 'approve')));
    expect(audit[0]?.actor).toBe('staf:rina');
    // Its profile, category, kabupaten/kota and the directory's pages leave every page cache.
    if (!onEdge) expect(changes.slice(before)).toEqual([['direktori', `umkm:${row!.slug}`, 'kategori:kuliner', 'wilayah:32.73']]);
    const page = await (await reviewer.get(`/admin/umkm/${id}?selesai=setujui`)).text();
    expect(page).toContain('Disetujui');
    expect(page).toContain('rina');

    // The owner sees it live at once: pages are drawn from the database.
    const status = await (await app.request(`/status/${statusToken}`)).text();
    expect(status).toContain('data-status="published"');
    expect(((await (await app.request(`/api/registrations/${statusToken}`)).json()) as { status: string }).status).toBe('published');
  });

  it('refuses a decision made on a stale page, and changes nothing', async () => {
    const { id, version, statusToken } = await register('Tahu Sumedang Pak Haji');
    const edit = await app.request(`/api/registrations/${statusToken}`, { ...json({ ...validRegistration({ name: 'Tahu Sumedang Pak Haji Asli' }), version }), method: 'PUT' });
    expect(edit.status).toBe(200);
    const res = await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Listing ini berubah sejak halaman dibuka');
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.status).toBe('pending');
  });

  it('rejects with a reason the owner then reads; a missing or marked-up reason is refused', async () => {
    const { id, version, statusToken } = await register('Bakso Urat Mas Joko');
    const short = await reviewer.post(`/admin/umkm/${id}/tolak`, { version: String(version), reason: 'jelek' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('Terlalu pendek');
    const markup = await reviewer.post(`/admin/umkm/${id}/tolak`, { version: String(version), reason: '<script>alert(1)</script> tautan salah' });
    expect(markup.status).toBe(422);
    const res = await reviewer.post(`/admin/umkm/${id}/tolak`, { version: String(version), reason: 'Tautan Shopee tidak mengarah ke toko Anda.' });
    expect(res.status).toBe(303);
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.status).toBe('rejected');
    const status = await (await app.request(`/status/${statusToken}`)).text();
    expect(status).toContain('Ditolak');
    expect(status).toContain('Tautan Shopee tidak mengarah ke toko Anda.');
    // Nothing is left to decide until the owner changes it.
    const again = await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(row!.version) });
    expect(again.status).toBe(409);
  });

  it('shows an edit of a published listing as a diff, and approving it replaces the published data', async () => {
    const { id, version, statusToken } = await register('Cireng Isi Teh Rosa');
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    const [published] = await db.select().from(msmes).where(eq(msmes.id, id));
    const edit = await app.request(`/api/registrations/${statusToken}`, {
      ...json({ ...validRegistration({ name: 'Cireng Isi Teh Rosa', description: 'Cireng isi ayam pedas dan keju, dibekukan untuk dikirim ke luar kota.' }), version: published!.version }),
      method: 'PUT',
    });
    expect(edit.status).toBe(200);
    const page = await (await reviewer.get(`/admin/umkm/${id}`)).text();
    expect(page).toContain('Perubahan yang diusulkan pemilik');
    expect(page).toContain('<th scope="row">Deskripsi</th>');
    expect(page).toContain('<ins>Cireng isi ayam pedas dan keju');
    const queue = await (await reviewer.get('/admin/antrean?jenis=ubah')).text();
    expect(queue).toContain('Cireng Isi Teh Rosa');
    const [current] = await db.select().from(msmes).where(eq(msmes.id, id));
    const res = await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(current!.version) });
    expect(res.status).toBe(303);
    const [after] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(after!.description).toContain('ayam pedas dan keju');
    const [revision] = await db.select().from(msmeRevisions).where(eq(msmeRevisions.msmeId, id));
    expect(revision!.status).toBe('approved');
    expect(revision!.reviewer).toBe('staf:rina');
  });

  it('rejects an edit: the published profile stays, and the owner sees why', async () => {
    const { id, version, statusToken } = await register('Peuyeum Bandung Bu Ani');
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    const [published] = await db.select().from(msmes).where(eq(msmes.id, id));
    await app.request(`/api/registrations/${statusToken}`, { ...json({ ...validRegistration({ name: 'Peuyeum Termurah Se-Jabar' }), version: published!.version }), method: 'PUT' });
    const [current] = await db.select().from(msmes).where(eq(msmes.id, id));
    const res = await reviewer.post(`/admin/umkm/${id}/tolak`, { version: String(current!.version), reason: 'Nama usaha harus sama dengan yang tertera di NIB.' });
    expect(res.status).toBe(303);
    const [after] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(after!.name).toBe('Peuyeum Bandung Bu Ani');
    expect(after!.status).toBe('published');
    const status = await (await app.request(`/status/${statusToken}`)).text();
    expect(status).toContain('Perubahan terakhir ditolak');
    expect(status).toContain('Nama usaha harus sama dengan yang tertera di NIB.');
  });

  it('verifies the NIB and marks UMKM Juara, both audited and shown as the verification level', async () => {
    const { id, version } = await register('Kopi Arabika Puntang');
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    let [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect((await reviewer.post(`/admin/umkm/${id}/nib`, { version: String(row!.version) })).status).toBe(303);
    [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.nibVerifiedAt).not.toBeNull();
    expect(row!.verification).toBe('staff');
    expect((await reviewer.post(`/admin/umkm/${id}/juara`, { version: String(row!.version), juara: '1' })).status).toBe(303);
    [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row!.isJuara).toBe(true);
    const bad = await reviewer.post(`/admin/umkm/${id}/juara`, { version: String(row!.version), juara: 'ya' });
    expect(bad.status).toBe(422);
    const verified = (await (await app.request('/api/suppliers?q=puntang&verified=1&juara=1')).json()) as { items: unknown[] };
    expect(verified.items).toHaveLength(1);
    const page = await (await reviewer.get(`/admin/umkm/${id}`)).text();
    for (const words of ['Disetujui', 'NIB diverifikasi', 'Ditandai UMKM Juara']) expect(page).toContain(words);
  });

  it('verifies a halal certificate apart from the owner’s word, audited; a new number is the owner’s word again', async () => {
    const halal = (q: string) => app.request(`/api/suppliers?q=cilembu${q}`).then(async (r) => ((await r.json()) as { items: { halalVerifiedAt: string | null }[] }).items);
    const { id, version, statusToken } = await register('Ubi Cilembu Halal', { halalNumber: 'ID32110000123450123' });
    const none = await register('Ubi Cilembu Tanpa Halal');
    expect((await reviewer.post(`/admin/umkm/${none.id}/halal`, { version: String(none.version) })).status).toBe(422);
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    expect(await halal('&halal=1')).toHaveLength(1);
    expect(await halal('&halal_verified=1')).toHaveLength(0);
    let [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect((await mentor.post(`/admin/umkm/${id}/halal`, { version: String(row!.version) })).status).toBe(403);
    expect((await reviewer.post(`/admin/umkm/${id}/halal`, { version: String(row!.version) })).status).toBe(303);
    const [checked] = await halal('&halal_verified=1');
    expect(checked?.halalVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await (await reviewer.get(`/admin/umkm/${id}`)).text()).toContain('Sertifikat halal diverifikasi');
    // The owner changes the number: once approved, it is their word again.
    [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    const edit = await app.request(`/api/registrations/${statusToken}`, { ...json({ ...validRegistration({ name: 'Ubi Cilembu Halal', halalNumber: 'ID32110000999990123' }), version: row!.version }), method: 'PUT' });
    expect(edit.status).toBe(200);
    [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(row!.version) });
    expect(await halal('&halal_verified=1')).toHaveLength(0);
    expect(await halal('&halal=1')).toHaveLength(1);
  });
});

describe('a lost private link', () => {
  it('is replaced only by a reviewer, with how the owner was checked; the old link stops working at once', async () => {
    const { id, version, statusToken } = await register('Manisan Pala Bu Eha');
    expect((await reviewer.post(`/admin/umkm/${id}/tautan`, { version: String(version), note: '' })).status).toBe(422);
    expect((await mentor.post(`/admin/umkm/${id}/tautan`, { version: String(version), note: 'Ditelepon ke nomor WhatsApp usaha' })).status).toBe(403);
    const res = await reviewer.post(`/admin/umkm/${id}/tautan`, { version: String(version), note: 'Ditelepon ke nomor WhatsApp usaha' });
    expect(res.status).toBe(201);
    const link = /value="(http[^"]+\/status\/[A-Za-z0-9_-]{43})"/.exec(await res.text())?.[1];
    expect(link).toBeDefined();
    expect((await app.request(`/status/${statusToken}`)).status).toBe(404);
    expect((await app.request(new URL(link!).pathname)).status).toBe(200);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.msmeId, id), eq(auditLog.action, 'reissue-link')));
    expect(audit[0]).toMatchObject({ actor: 'staf:rina', detail: { note: 'Ditelepon ke nomor WhatsApp usaha' } });
    expect(JSON.stringify(audit)).not.toContain(new URL(link!).pathname.slice(8));
  });
});

describe('mentors', () => {
  const consentFields = (name: string) => {
    const reg = validRegistration({ name, nib: undefined });
    return {
      name: reg.name,
      description: reg.description,
      category: reg.category,
      'kbliCodes': '10794',
      regencyCode: reg.regencyCode,
      districtCode: reg.districtCode,
      whatsapp: '0812-9999-0001',
      'storeLinks.0': 'https://shopee.co.id/opaknangkaasep',
      'products.0.name': 'Opak nangka 200 g',
      'products.0.priceMin': '12.000',
      ownerName: 'Ibu Nani',
      consentMethod: 'tatap-muka',
      consent: 'true',
    };
  };

  it('cannot open the review queue or decide', async () => {
    expect((await mentor.get('/admin/antrean')).status).toBe(403);
    const { id, version } = await register('Rengginang Bu Mimin');
    const res = await mentor.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Peran Anda tidak berwenang');
  });

  it('registers a business for its owner with the consent recorded, hands over the private link once, and sees it listed', async () => {
    const res = await mentor.post('/admin/daftar', consentFields('Opak Nangka Bu Nani'));
    expect(res.status).toBe(201);
    const html = await res.text();
    const link = /value="(http[^"]+\/status\/[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const [row] = await db.select().from(msmes).where(eq(msmes.name, 'Opak Nangka Bu Nani'));
    expect(row!.status).toBe('pending');
    expect(row!.verification).toBe('mentor');
    expect(row!.consentRecord).toMatchObject({ ownerName: 'Ibu Nani', method: 'tatap-muka', mentor: 'asep' });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.msmeId, row!.id));
    expect(audit!.actor).toBe('staf:asep');
    expect(await (await mentor.get('/admin/binaan')).text()).toContain('Opak Nangka Bu Nani');
    // The owner's link works for the owner, with no account.
    const status = await app.request(new URL(link!).pathname);
    expect(status.status).toBe(200);
    // The reviewer sees who registered it and how the owner agreed.
    const review = await (await reviewer.get(`/admin/umkm/${row!.id}`)).text();
    expect(review).toContain('oleh pendamping Asep Mentor');
    expect(review).toContain('Ibu Nani');
  });

  it('must record who consented and how; errors sit beside the fields and nothing is stored', async () => {
    const { ownerName: _o, consentMethod: _m, ...rest } = consentFields('Sale Pisang Tanpa Izin');
    const res = await mentor.post('/admin/daftar', { ...rest, consentMethod: 'kira-kira' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tulis nama pemilik usaha yang memberi persetujuan.');
    expect(html).toContain('Pilih cara pemilik memberi persetujuan.');
    expect(html).toContain('value="Sale Pisang Tanpa Izin"');
    expect(await db.select().from(msmes).where(eq(msmes.name, 'Sale Pisang Tanpa Izin'))).toHaveLength(0);
  });
});

describe('digitalisation statistics', () => {
  it('count per kabupaten/kota what is published, on a marketplace, verified and waiting, with a CSV for Excel', async () => {
    const sold = await register('Bolu Susu Lembang Statistik', { regencyCode: '32.17', districtCode: '32.17.01', storeLinks: ['https://shopee.co.id/bolususustat'] });
    const social = await register('Kaos Sablon Statistik', { regencyCode: '32.17', districtCode: '32.17.01', storeLinks: ['https://www.instagram.com/kaossablonstat'] });
    await register('Menunggu Statistik', { regencyCode: '32.17', districtCode: '32.17.01' });
    for (const l of [sold, social]) await reviewer.post(`/admin/umkm/${l.id}/setujui`, { version: String(l.version) });
    const html = await (await reviewer.get('/admin/statistik')).text();
    const row = /<tr><th scope="row">Kabupaten Bandung Barat<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    const numbers = [...row.matchAll(/<td>([\d.]+)/g)].map((m) => m[1]);
    expect(numbers).toEqual(['2', '1', '0', '0', '2', '1']);
    expect(html).toContain('Listing tayang baru per bulan');
    const csv = await reviewer.get('/admin/statistik?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('kode;kabupaten_kota;tayang');
    expect(text).toMatch(/32\.17;Kabupaten Bandung Barat;2;1;0;0;2;1/);
    expect((await reviewer.get('/admin/statistik?format=xlsx')).status).toBe(400);
    expect((await app.request('/admin/statistik')).status).toBe(303);
  });
});

describe('problem reports in the staff queue', () => {
  it('lists an open report and closes it with what was done, in the audit log', async () => {
    const { id, version, slug } = await register('Surabi Enhaii Setiabudi');
    await reviewer.post(`/admin/umkm/${id}/setujui`, { version: String(version) });
    const sent = await app.request('/api/reports', json({ slug, reason: 'tautan-mati', message: 'Tautan Tokopedia sudah tidak ada.' }));
    expect(sent.status).toBe(201);
    const list = await (await reviewer.get('/admin/laporan')).text();
    expect(list).toContain('Surabi Enhaii Setiabudi');
    expect(list).toContain('Tautan toko atau WhatsApp tidak berfungsi');
    const page = await (await reviewer.get(`/admin/umkm/${id}`)).text();
    const reportId = /action="\/admin\/laporan\/(\d+)\/tutup"/.exec(page)?.[1];
    expect((await reviewer.post(`/admin/laporan/${reportId}/tutup`, { note: '' })).status).toBe(422);
    const closed = await reviewer.post(`/admin/laporan/${reportId}/tutup`, { note: 'Pemilik dihubungi, tautan diperbarui.' });
    expect(closed.status).toBe(303);
    expect(await (await reviewer.get('/admin/laporan')).text()).not.toContain('Surabi Enhaii Setiabudi');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.msmeId, id), eq(auditLog.action, 'close-report')));
    expect(audit[0]?.detail).toMatchObject({ note: 'Pemilik dihubungi, tautan diperbarui.' });
  });
});

// Last in the file: these move the clock on, which ends the sessions signed in above.
describe.skipIf(onEdge)('session idle timeout and sign-in lockout (the clock is the test\'s)', () => {
  it('ends a session idle for more than two hours', async () => {
    const session = await signIn(app, 'rina');
    now = new Date(now.getTime() + 119 * 60_000);
    expect((await session.get('/admin/antrean')).status).toBe(200);
    now = new Date(now.getTime() + 121 * 60_000);
    expect((await session.get('/admin/antrean')).status).toBe(303);
  });

  it('locks an account after 5 failures, even for the right password, and opens it again when the wait is over', async () => {
    for (let i = 0; i < 5; i++) expect((await signInRequest('dewi', 'salah-salah-salah')).status).toBe(401);
    const locked = await signInRequest('dewi', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect(await locked.text()).toContain('coba lagi dalam 15 menit');
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await signInRequest('dewi', PASSWORD)).status).toBe(303);
    // A success resets the count: one more failure does not lock again.
    expect((await signInRequest('dewi', 'salah-salah-salah')).status).toBe(401);
    expect((await signInRequest('dewi', PASSWORD)).status).toBe(303);
  });
});
