import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { facetCounts, FACET_WINDOW } from '../../db/queries/facets.ts';
import { parseSearchQuery, type SearchSpec } from '../../src/core/search.ts';
import { categorySlugs, findRegency } from '../../src/core/reference.ts';
import { platformIds } from '../../src/core/platforms.ts';

const { db } = await openDb('file::memory:');
await seedSample(db, { total: 600, now: new Date('2026-11-01T00:00:00Z') });

/** How many listings the search itself shows for a spec: the count every option must agree with. */
const total = async (spec: SearchSpec) => (await searchMsmes(db, { ...spec, page: 1 })).total;
const nonZero = (entries: [string, number][]) => new Map(entries.filter(([, n]) => n > 0));

describe('filter counts', () => {
  it.each([
    'category=kuliner',
    'category=kuliner,oleh-oleh',
    'regency=32.73',
    'regency=32.04&category=kuliner',
    `regency=32.04&district=${findRegency('32.04')!.districts[0]!.code}`,
    'verified=1&halal=1',
    'platform=shopee&regency=32.73',
    'q=keripik',
    'q=keripik&regency=32.73&verified=1',
    'q=kopi&category=kuliner,pertanian',
    'q=makanan&halal=1&platform=gofood',
    `q=batik&regency=32.05&district=${findRegency('32.05')!.districts[0]!.code}`,
  ])('for %s say what choosing each option would show, as the search itself counts it', async (query) => {
    const spec = parseSearchQuery(new URLSearchParams(query));
    const counts = await facetCounts(db, spec);
    expect(counts.atLeast).toBe(false);
    const categories = await Promise.all(categorySlugs.map(async (c) => [c, await total({ ...spec, categories: [c] })] as [string, number]));
    expect(nonZero([...counts.categories])).toEqual(nonZero(categories));
    if (spec.regency) {
      const districts = await Promise.all(findRegency(spec.regency)!.districts.map(async (d) => [d.code, await total({ ...spec, district: d.code })] as [string, number]));
      expect(nonZero([...counts.districts])).toEqual(nonZero(districts));
    } else {
      const regencies = await Promise.all(['32.73', '32.04', '32.01', '32.05'].map(async (r) => [r, await total({ ...spec, regency: r })] as [string, number]));
      for (const [r, n] of regencies) expect(counts.regencies.get(r) ?? 0, r).toBe(n);
    }
    expect(counts.verified).toBe(await total({ ...spec, verified: true }));
    expect(counts.halal).toBe(await total({ ...spec, halal: true }));
    const platforms = await Promise.all(platformIds.map(async (p) => [p, await total({ ...spec, platform: p })] as [string, number]));
    expect(nonZero([...counts.platforms])).toEqual(nonZero(platforms));
  });

  it('narrow every count by a category page’s own category', async () => {
    const spec = parseSearchQuery(new URLSearchParams('category=fesyen&regency=32.73'));
    const counts = await facetCounts(db, spec, { categoryFixed: true });
    expect(counts.halal).toBe(await total({ ...spec, halal: true }));
    expect([...counts.categories.keys()]).toEqual(['fesyen']);
  });

  it(`count at most the newest ${FACET_WINDOW} matches of a keyword, and say the counts are then lower bounds`, async () => {
    const many = await openDb('file::memory:');
    await seedSample(many.db, { total: FACET_WINDOW * 3, now: new Date('2026-11-01T00:00:00Z') });
    const spec = parseSearchQuery(new URLSearchParams('q=adalah'));
    const counts = await facetCounts(many.db, spec);
    expect(counts.atLeast).toBe(true);
    const counted = [...counts.categories.values()].reduce((a, b) => a + b, 0);
    expect(counted).toBe(FACET_WINDOW);
    for (const [c, n] of counts.categories) expect(n).toBeLessThanOrEqual((await searchMsmes(many.db, { ...spec, categories: [c] })).total);
    many.client.close();
  }, 60_000);
});
