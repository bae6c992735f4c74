import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshApp, json, validRegistration } from '../helpers.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { auditLog, msmeReports, msmeRevisions, msmes, staffSessions } from '../../db/schema.ts';

// Malformed and hostile bodies on every route that reads one: each is a 4xx
// problem+json that names what is wrong, and nothing is stored or changed.
const { app, db } = await freshApp();
const origin = app.origin;
await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: 'kata-sandi-panjang-123' }, new Date());

const registered = await app.request('/api/registrations', json(validRegistration({ name: 'Opak Ketan Bu Iis' })));
const { statusToken, slug } = (await registered.json()) as { statusToken: string; slug: string };

async function snapshot() {
  const tables = [msmes, msmeRevisions, msmeReports, auditLog, staffSessions] as const;
  const counts = await Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0]?.n));
  const [row] = await db.select({ name: msmes.name, version: msmes.version }).from(msmes);
  return { counts, row };
}

const routes: [string, string][] = [
  ['POST', '/api/registrations'],
  ['PUT', `/api/registrations/${statusToken}`],
  ['POST', '/api/reports'],
];

/** Forms posted to pages: answered with a page that says what is wrong. */
const pages: [string, string][] = [
  ['POST', '/daftar/kirim/'],
  ['POST', `/status/${statusToken}/ubah`],
  ['POST', `/status/${statusToken}/hapus`],
  ['POST', '/admin/masuk'],
];

const hostile: [string, Record<string, string>, string][] = [
  ['multipart with a boundary the JSON body never uses', { 'content-type': 'multipart/form-data; boundary=zzz' }, JSON.stringify(validRegistration())],
  ['multipart without a boundary', { 'content-type': 'multipart/form-data' }, JSON.stringify(validRegistration())],
  ['multipart cut off in the middle of a part', { 'content-type': 'multipart/form-data; boundary=b' }, '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nKeripik'],
  ['JSON that is not JSON', { 'content-type': 'application/json' }, '{"name": "Keripik",'],
  ['JSON that is an array', { 'content-type': 'application/json' }, '[1,2,3]'],
  ['JSON nested ten thousand deep', { 'content-type': 'application/json' }, `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['an empty JSON body', { 'content-type': 'application/json' }, ''],
  ['plain text', { 'content-type': 'text/plain' }, 'name=Keripik'],
  ['no content type', {}, 'name=Keripik'],
];

describe('malformed and hostile bodies', () => {
  for (const [method, path] of routes) {
    it.each(hostile)(`${method} ${path.replace(statusToken, ':token')}: %s is a 4xx problem+json, nothing stored`, async (_what, headers, body) => {
      const before = await snapshot();
      const res = await app.request(path, { method, headers: { origin, ...headers }, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { detail: string };
      expect(problem.detail.length).toBeGreaterThan(10);
      expect(await snapshot()).toEqual(before);
    });
  }
  for (const [method, path] of pages) {
    it.each(hostile)(`${method} ${path.replace(statusToken, ':token')}: %s is a 4xx page in Indonesian, nothing stored`, async (_what, headers, body) => {
      const before = await snapshot();
      const res = await app.request(path, { method, headers: { origin, ...headers }, body });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toMatch(/Maaf, permintaan tidak dapat diproses|perlu diperbaiki|Tidak dapat dilanjutkan/);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('says what is wrong with a multipart body: the missing boundary, or the boundary not found', async () => {
    const noBoundary = await app.request('/api/registrations', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
    expect(noBoundary.status).toBe(400);
    expect(((await noBoundary.json()) as { detail: string }).detail).toContain('boundary');
    const wrong = await app.request('/api/registrations', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: '{"name":"x"}' });
    expect(wrong.status).toBe(400);
    const problem = (await wrong.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.detail).toContain('multipart/form-data');
    expect(problem.errors.map((e) => e.path)).toEqual(['body']);
  });

  it('ignores form fields that would reach an object prototype', async () => {
    const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(validRegistration({ name: 'Rengginang Bu Cucu' })).filter(([, v]) => typeof v === 'string')), 'kbliCodes.0': '10794', 'storeLinks.0': 'https://www.tokopedia.com/rengginang', 'products.0.name': 'Rengginang 250 g', 'products.0.priceMin': '12000', consent: 'true', '__proto__.polluted': 'ya', 'constructor.prototype.polluted': 'ya' });
    const res = await app.request('/api/registrations', { method: 'POST', headers: { accept: 'application/json' }, body: form });
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('still serves the owner afterwards: the listing is unchanged and editable', async () => {
    const status = await app.request(`/api/registrations/${statusToken}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { slug: string }).slug).toBe(slug);
  });
});
