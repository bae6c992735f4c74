import { beforeAll, describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { sampleListing } from '../../db/seed/generator.ts';

const { app, db } = await freshApp();
beforeAll(async () => {
  await seedSample(db, { total: 120, now: new Date('2026-11-01T00:00:00Z') });
});

interface ListBody {
  items: { slug: string; name: string; description: string; category: string; regency: { code: string }; district: { code: string }; platforms: string[]; nibVerified: boolean; halal: boolean; publishedAt: string }[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
  links: { self: string; next?: string; prev?: string };
}
const list = async (query: string) => {
  const res = await app.request(`/api/msmes${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ListBody;
};

describe('GET /api/health', () => {
  it('reports the database reachable, with the base security headers and no caching', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/msmes', () => {
  it('pages through every published listing, verified first then newest', async () => {
    const first = await list('?per_page=50');
    expect(first.total).toBe(120);
    expect(first.pages).toBe(3);
    const numbered = [...first.items, ...(await list('?per_page=50&page=2')).items, ...(await list('?per_page=50&page=3')).items];
    // Browsing goes on by `after` (a seek that costs the same at any depth): the same listings in the same order.
    expect(first.links.next).toMatch(/^\/api\/msmes\?per_page=50&after=[01]\.\d+\.\d+$/);
    const all = [...first.items];
    for (let next = first.links.next; next; ) {
      const page = await list(next.replace('/api/msmes', ''));
      all.push(...page.items);
      next = page.links.next;
    }
    expect(all.map((i) => i.slug)).toEqual(numbered.map((i) => i.slug));
    expect(new Set(all.map((i) => i.slug)).size).toBe(120);
    const verifiedFlags = all.map((i) => i.nibVerified);
    expect(verifiedFlags.indexOf(false)).toBeGreaterThan(0);
    expect(verifiedFlags.slice(verifiedFlags.indexOf(false))).not.toContain(true);
    const unverified = all.filter((i) => !i.nibVerified).map((i) => i.publishedAt);
    expect(unverified).toEqual([...unverified].sort().reverse());
  });

  it('finds listings by a word prefix in name, products or place, ranked', async () => {
    const target = sampleListing(7);
    const word = target.registration.name.split(' ')[0]!.toLowerCase();
    const body = await list(`?q=${encodeURIComponent(word.slice(0, 4))}&per_page=100`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.map((i) => i.name)).toContain(target.registration.name);
    const place = await list('?q=bandung');
    expect(place.total).toBeGreaterThan(0);
    for (const i of place.items) {
      expect(['32.04', '32.17', '32.73'].includes(i.regency.code) || i.description.toLowerCase().includes('bandung'), i.name).toBe(true);
    }
  });

  it('combines filters', async () => {
    const body = await list('?category=kuliner&verified=1&per_page=100');
    expect(body.items.every((i) => i.category === 'kuliner' && i.nibVerified)).toBe(true);
    const halal = await list('?halal=true&per_page=100');
    expect(halal.total).toBeGreaterThan(0);
    expect(halal.items.every((i) => i.halal)).toBe(true);
    const platform = await list('?platform=tokopedia&per_page=100');
    expect(platform.items.every((i) => i.platforms.includes('tokopedia'))).toBe(true);
    const region = await list('?district=32.73.01');
    expect(region.items.every((i) => i.district.code === '32.73.01')).toBe(true);
  });

  it('treats FTS syntax as plain words and never fails on it', async () => {
    for (const q of ['"', 'keripik OR', 'NEAR(a b)', '*', 'a AND -b', "'; DROP TABLE msmes; --", '^kopi', '(((']) {
      const res = await app.request(`/api/msmes?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect((await list('?q=%2A%2A%2A')).total).toBe(120);
  });

  it.each([
    ['?per_page=101', 'per_page'],
    ['?per_page=0', 'per_page'],
    ['?page=-1', 'page'],
    ['?page=abc', 'page'],
    ['?category=senjata', 'category'],
    ['?regency=31.71', 'regency'],
    ['?district=32.01.01&regency=32.73', 'district'],
    ['?platform=myspace', 'platform'],
    ['?verified=ya', 'verified'],
    [`?q=${'a'.repeat(101)}`, 'q'],
    ['?sort=name', 'sort'],
    ['?q=a&q=b', 'q'],
    ['?after=kemarin', 'after'],
    ['?after=2.1730419200000.5', 'after'],
    ['?q=kopi&after=1.1730419200000.5', 'after'],
    ['?page=2&after=1.1730419200000.5', 'page'],
    ['?page=501', 'page'],
    ['?per_page=100&page=101', 'page'],
  ])('answers %s with 400 naming %s', async (query, param) => {
    const res = await app.request(`/api/msmes${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors.map((e) => e.path)).toContain(param);
  });
});

describe('GET /api/msmes/:slug', () => {
  it('returns a published profile without private fields', async () => {
    const { items } = await list('?per_page=1');
    const res = await app.request(`/api/msmes/${items[0]!.slug}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['slug']).toBe(items[0]!.slug);
    expect(body).not.toHaveProperty('statusTokenHash');
    expect(body).not.toHaveProperty('email');
    expect(Array.isArray(body['storeLinks'])).toBe(true);
  });

  it('answers 404 problem+json for an unknown or malformed slug', async () => {
    for (const slug of ['tidak-ada', '..%2F..%2Fetc', 'A'.repeat(200)]) {
      const res = await app.request(`/api/msmes/${slug}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers unknown API paths and methods with problem+json, never HTML', async () => {
    const res = await app.request('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const del = await app.request('/api/msmes', { method: 'DELETE' });
    expect([404, 405]).toContain(del.status);
    expect(del.headers.get('content-type')).toContain('application/problem+json');
  });
});
