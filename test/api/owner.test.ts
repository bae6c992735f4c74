import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { freshApp, json, onEdge, validRegistration } from '../helpers.ts';
import { auditLog, msmeRevisions, msmes, products, storeLinks } from '../../db/schema.ts';
import { approve } from '../../db/queries/review.ts';

const changes: string[][] = [];
const { app, db } = await freshApp({ pagesChanged: (tags) => void changes.push(tags) });

async function register(name: string) {
  const res = await app.request('/api/registrations', json(validRegistration({ name })));
  expect(res.status).toBe(201);
  const body = (await res.json()) as { slug: string; statusToken: string };
  const [row] = await db.select().from(msmes).where(eq(msmes.slug, body.slug));
  return { ...body, id: row!.id };
}

/** A reviewer's approval, through the same query the review queue uses. */
async function publish(id: number) {
  const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
  await approve(db, { id, version: row!.version, actor: 'staf:test', now: new Date() });
}

const put = (token: string, body: Record<string, unknown>) => app.request(`/api/registrations/${token}`, { ...json(body), method: 'PUT' });

describe('the owner changes a listing through the private link', () => {
  it('shows the status and one next step first, and the stored data in a form with the version on its own page, neither cached nor referred from', async () => {
    const { statusToken } = await register('Kopi Tubruk Mang Ujang');
    const res = await app.request(`/status/${statusToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
    const html = await res.text();
    // The status, then the one next step (no photo yet: add one), before the link to keep; no edit form here.
    expect(html.indexOf('Menunggu verifikasi')).toBeLessThan(html.indexOf('Langkah berikutnya:'));
    expect(html.indexOf('Langkah berikutnya:')).toBeLessThan(html.indexOf('Simpan tautan ini'));
    expect(html).toMatch(/Langkah berikutnya:<\/span> Tambahkan foto produk/);
    expect(html).not.toContain('name="version"');
    expect(html).toContain(`href="/status/${statusToken}/ubah"`);

    const edit = await app.request(`/status/${statusToken}/ubah`);
    expect(edit.status).toBe(200);
    expect(edit.headers.get('cache-control')).toBe('no-store');
    expect(edit.headers.get('referrer-policy')).toBe('same-origin');
    const form = await edit.text();
    expect(form).toContain(`action="/status/${statusToken}/ubah"`);
    expect(form).toContain('value="Kopi Tubruk Mang Ujang"');
    expect(form).toContain('name="version" value="1"');
    expect(form).toContain('value="0812-3456-7890"');
    expect(form).toContain(`action="/status/${statusToken}/hapus"`);
    // The kecamatan of its own kabupaten/kota only (Kota Bandung: 30), not all 628 of Jawa Barat.
    const district = /<select id="f-districtCode"[\s\S]*?<\/select>/.exec(form)![0];
    expect(district.match(/<option value="32\./g)).toHaveLength(30);
    expect((await app.request('/status/pendek/ubah')).status).toBe(404);
    // One tap sends the private link to the owner's own WhatsApp, so it is kept where they look.
    const chat = /href="(https:\/\/wa\.me\/6281234567890\?text=[^"]+)"/.exec(html)?.[1];
    expect(chat).toBeDefined();
    expect(decodeURIComponent(new URL(chat!.replace(/&amp;/g, '&')).searchParams.get('text') ?? '')).toMatch(new RegExp(`Kopi Tubruk Mang Ujang.*\\/status\\/${statusToken}$`));
  });

  it('changes a pending listing in place, and refuses a second change from a stale page', async () => {
    const { statusToken, id } = await register('Seblak Teh Euis');
    const edit = await put(statusToken, { ...validRegistration({ name: 'Seblak Teh Euis Pedas' }), version: 1 });
    expect(edit.status).toBe(200);
    expect(await edit.json()).toEqual({ status: 'pending', version: 2 });
    const stale = await put(statusToken, { ...validRegistration({ name: 'Seblak Lain' }), version: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { detail: string }).detail).toContain('Muat ulang');
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect([row?.name, row?.version, row?.status]).toEqual(['Seblak Teh Euis Pedas', 2, 'pending']);
  });

  it('keeps a published profile unchanged while the change waits for review; a newer change supersedes the older', async () => {
    const { statusToken, id, slug } = await register('Dodol Ibu Imas');
    await publish(id);
    // The approval itself was a change: version 2.
    expect((await put(statusToken, { ...validRegistration({ name: 'Dodol Ibu Imas Garut' }), version: 2 })).status).toBe(200);
    const second = await put(statusToken, { ...validRegistration({ name: 'Dodol Asli Ibu Imas' }), version: 3 });
    expect(await second.json()).toEqual({ status: 'edit-pending', version: 4 });
    const profile = (await (await app.request(`/api/msmes/${slug}`)).json()) as { name: string };
    expect(profile.name).toBe('Dodol Ibu Imas');
    const revisions = await db.select().from(msmeRevisions).where(eq(msmeRevisions.msmeId, id)).orderBy(msmeRevisions.id);
    expect(revisions.map((r) => [r.status, (r.data as { name: string }).name])).toEqual([
      ['superseded', 'Dodol Ibu Imas Garut'],
      ['pending', 'Dodol Asli Ibu Imas'],
    ]);
    expect(await (await app.request(`/status/${statusToken}`)).text()).toContain('Perubahan menunggu verifikasi');
    expect(await (await app.request(`/status/${statusToken}/ubah`)).text()).toContain('value="Dodol Asli Ibu Imas"');
  });

  it('answers a form with mistakes with the page again, values kept, and writes nothing', async () => {
    const { statusToken, id } = await register('Batik Ceu Enok');
    const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(validRegistration()).filter(([, v]) => typeof v === 'string')), name: 'Batik <i>Baru</i>', whatsapp: '0812', 'storeLinks.0': 'https://www.tokopedia.com/batikenok', consent: 'true', version: '1' });
    const res = await app.request(`/status/${statusToken}/ubah`, { method: 'POST', body: form });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Batik <i>Baru</i>"');
    expect(html.split('<i>Baru</i>').length).toBe(html.split('value="Batik <i>Baru</i>"').length);
    expect(html).toMatch(/id="f-whatsapp-error"[^>]*>[^<]*ponsel/);
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect([row?.name, row?.version]).toEqual(['Batik Ceu Enok', 1]);
  });

  it('accepts a plain form change and redirects to the status page with a notice', async () => {
    const { statusToken } = await register('Opak Ketan Abah');
    const form = new URLSearchParams({
      name: 'Opak Ketan Abah Ujang', description: 'Opak ketan bakar khas Sumedang, renyah dan gurih.', category: 'oleh-oleh', regencyCode: '32.11', districtCode: '32.11.01',
      whatsapp: '0813 2222 3333', 'storeLinks.0': 'https://shopee.co.id/opakabah', consent: 'true', version: '1',
    });
    const res = await app.request(`/status/${statusToken}/ubah`, { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/status/${statusToken}?diubah=1`);
    expect(await (await app.request(`/status/${statusToken}?diubah=1`)).text()).toContain('Perubahan terkirim');
  });

  it.each([
    [{ version: 'satu' }, 'version'],
    [{ version: 0 }, 'version'],
    [{ name: '' }, 'name'],
  ])('refuses an edit with %j naming %s', async (override, path) => {
    const { statusToken } = await register(`Usaha Uji ${path} ${Math.random()}`.replace('.', ''));
    const res = await put(statusToken, { ...validRegistration(), version: 1, ...override });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
  });
});

describe('the printable poster', () => {
  it('shows the name and a QR code to the profile in A4 and A6, and refuses other sizes and unknown listings', async () => {
    const { id, slug, statusToken } = await register('Kue Balok Mang Otong');
    expect((await app.request(`/poster/${slug}`)).status).toBe(404);
    await publish(id);
    const a4 = await app.request(`/poster/${slug}`);
    expect(a4.status).toBe(200);
    const html = await a4.text();
    expect(html).toContain('Kue Balok Mang Otong');
    expect(html).toContain('class="poster poster-a4"');
    expect(html).toMatch(/<svg role="img" aria-label="Kode QR ke http:\/\/localhost:4321\/umkm\/kue-balok-mang-otong\/"/);
    expect(await (await app.request(`/poster/${slug}?ukuran=a6`)).text()).toContain('poster-a6');
    const bad = await app.request(`/poster/${slug}?ukuran=a3`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Ukuran poster: a4 atau a6.');
    expect(await (await app.request(`/status/${statusToken}`)).text()).toContain(`/poster/${slug}?ukuran=a6`);
  });
});

describe('the owner removes a listing', () => {
  it('asks for confirmation, then erases the data and leaves only a tombstone', async () => {
    const { statusToken, id, slug } = await register('Keripik Bu Nining');
    await publish(id);
    const unconfirmed = await app.request(`/status/${statusToken}/hapus`, { method: 'POST', body: new URLSearchParams({}) });
    expect(unconfirmed.status).toBe(422);
    expect((await db.select().from(msmes).where(eq(msmes.id, id)))[0]?.status).toBe('published');

    const before = changes.length;
    const res = await app.request(`/status/${statusToken}/hapus`, { method: 'POST', body: new URLSearchParams({ confirm: '1' }) });
    expect(res.status).toBe(303);
    // The published profile leaves every page cache at once, with its category and kabupaten/kota pages.
    if (!onEdge) expect(changes.slice(before)).toEqual([['direktori', `umkm:${slug}`, 'kategori:kuliner', 'wilayah:32.73']]);
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    expect(row).toMatchObject({ status: 'removed', whatsapp: '', email: null, nib: null, address: null, description: '' });
    expect(await db.select().from(storeLinks).where(eq(storeLinks.msmeId, id))).toEqual([]);
    expect(await db.select().from(products).where(eq(products.msmeId, id))).toEqual([]);
    const [indexed] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM msme_fts WHERE rowid = ${id}`);
    expect(Number(indexed?.n)).toBe(0);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.msmeId, id), eq(auditLog.action, 'owner-remove')))).toHaveLength(1);
    expect((await app.request(`/api/msmes/${slug}`)).status).toBe(404);
    const page = await (await app.request(`/status/${statusToken}?dihapus=1`)).text();
    expect(page).toContain('Listing sudah dihapus');
    expect(page).not.toContain('/ubah"');
    expect((await put(statusToken, { ...validRegistration(), version: 2 })).status).toBe(404);
  });

  it('removes through the API too, and 404s unknown or malformed tokens', async () => {
    const { statusToken } = await register('Sabun Sereh Teh Lilis');
    const before = changes.length;
    expect((await app.request(`/api/registrations/${statusToken}`, { method: 'DELETE' })).status).toBe(200);
    // Never published, so no public page showed it.
    expect(changes.length).toBe(before);
    expect((await app.request(`/api/registrations/${statusToken}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.request(`/api/registrations/${'x'.repeat(43)}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/status/pendek/hapus', { method: 'POST', body: new URLSearchParams({ confirm: '1' }) })).status).toBe(404);
  });
});
