import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { approve, verifyNib } from '../../db/queries/review.ts';
import { removeOwnListing, submitOwnerEdit } from '../../db/queries/owner.ts';
import { directoryFigures } from '../../db/queries/directory.ts';
import { msmes } from '../../db/schema.ts';
import { platforms } from '../../src/core/platforms.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { validRegistration } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'etalase-counts-'));
const { db, client } = await openDb(`file:${join(dir, 'counts.db')}`);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the triggers keep, against a count of the listings themselves. */
async function expectCountsTrue() {
  const kept = await db.all<{ k: string; n: number; v: number }>(sql`SELECT category || '|' || regency_code AS k, published AS n, verified AS v FROM listing_counts WHERE published > 0 ORDER BY k`);
  const counted = await db.all<{ k: string; n: number; v: number }>(
    sql`SELECT category || '|' || regency_code AS k, count(*) AS n, count(nib_verified_at) AS v FROM msmes WHERE status = 'published' GROUP BY 1 ORDER BY k`,
  );
  expect(kept).toEqual(counted);
  // The filter counts (facet_counts): per category, kecamatan, NIB and halal, and per platform.
  const facetsKept = await db.all(sql`SELECT platform, category, regency_code, district_code, verified, halal, n FROM facet_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6`);
  const facetsCounted = await db.all(sql`
    WITH listing AS (
      SELECT '' AS p, m.id, m.category, m.regency_code, m.district_code, m.nib_verified_at IS NOT NULL AS verified, m.halal_number IS NOT NULL AS halal FROM msmes m WHERE m.status = 'published'
      UNION SELECT s.platform, m.id, m.category, m.regency_code, m.district_code, m.nib_verified_at IS NOT NULL, m.halal_number IS NOT NULL FROM msmes m JOIN store_links s ON s.msme_id = m.id WHERE m.status = 'published')
    SELECT * FROM (
      SELECT p AS platform, category, regency_code, district_code, verified, halal, count(*) AS n FROM listing GROUP BY 1, 2, 3, 4, 5, 6
      UNION ALL SELECT p, category, regency_code, '', verified, halal, count(*) FROM listing GROUP BY 1, 2, 3, 5, 6)
    ORDER BY 1, 2, 3, 4, 5, 6`);
  expect(facetsKept).toEqual(facetsCounted);
  const platformsKept = await db.all(sql`SELECT id, platforms FROM msmes ORDER BY id`);
  const platformsCounted = await db.all(sql`SELECT id, coalesce((SELECT group_concat(platform) FROM (SELECT DISTINCT platform FROM store_links WHERE msme_id = msmes.id ORDER BY platform)), '') AS platforms FROM msmes ORDER BY id`);
  expect(platformsKept).toEqual(platformsCounted);
  expect(facetsKept.length).toBeGreaterThan(0);
  await expectStatsTrue(db);
}

const MARKETPLACES = platforms.filter((p) => p.kind === 'marketplace').map((p) => p.id);

/** /statistik's counts per kecamatan and month (stats_monthly), against the listings and their store links. */
async function expectStatsTrue(on: typeof db) {
  const kept = await on.all(sql`SELECT regency_code, district_code, month, published, marketplace, verified, juara FROM stats_monthly WHERE published > 0 ORDER BY 1, 2, 3`);
  const counted = await on.all(sql`
    SELECT regency_code, district_code, strftime('%Y-%m', datetime(coalesce(published_at, created_at) / 1000, 'unixepoch', '+7 hours')) AS month, count(*) AS published,
           sum(EXISTS (SELECT 1 FROM store_links s WHERE s.msme_id = m.id AND s.platform IN (${sql.join(MARKETPLACES.map((id) => sql`${id}`), sql`, `)}))) AS marketplace,
           count(nib_verified_at) AS verified, sum(is_juara) AS juara
    FROM msmes m WHERE status = 'published' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  expect(kept).toEqual(counted);
  expect(kept.length).toBeGreaterThan(0);
  const zeroes = await on.all(sql`SELECT * FROM stats_monthly WHERE published < 0 OR marketplace < 0 OR verified < 0 OR juara < 0 OR marketplace > published`);
  expect(zeroes).toEqual([]);
}

describe('published listings per category and kabupaten/kota, and per filter', () => {
  it('stay true through a seed, approvals, a NIB mark, an approved move to another category and region, and removals', async () => {
    await seedSample(db, { total: 120, now: new Date('2026-11-01T00:00:00Z') });
    await expectCountsTrue();
    const token = 'a'.repeat(64);
    const created = await createListing(db, registrationSchema.parse(validRegistration({ name: 'Kopi Hitam Hitung', nib: '1234567890123' })), { now: new Date(), statusTokenHash: token, actor: 'owner' });
    await expectCountsTrue();
    const row = async () => (await db.select().from(msmes).where(eq(msmes.slug, created.slug)))[0]!;
    await approve(db, { id: (await row()).id, version: (await row()).version, actor: 'staf:uji', now: new Date() });
    await verifyNib(db, { id: (await row()).id, version: (await row()).version, actor: 'staf:uji', now: new Date() });
    await expectCountsTrue();
    const moved = registrationSchema.parse(
      validRegistration({ name: 'Kopi Hitam Hitung', category: 'pertanian', regencyCode: '32.05', districtCode: '32.05.01', halalNumber: 'ID32110000123450123', storeLinks: ['https://www.tokopedia.com/kopihitamhitung', 'https://www.tokopedia.com/kopihitamhitung2'] }),
    );
    await submitOwnerEdit(db, token, moved, (await row()).version, new Date());
    await approve(db, { id: (await row()).id, version: (await row()).version, actor: 'staf:uji', now: new Date() });
    expect((await row()).category).toBe('pertanian');
    await expectCountsTrue();
    await removeOwnListing(db, token, new Date());
    await expectCountsTrue();
    const figures = await directoryFigures(db);
    expect(figures.total).toBe(120);
  });

  it('are filled again after a bulk load, which leaves their triggers off, and kept by the triggers after it', async () => {
    const bulk = await openDb('file::memory:');
    await seedSample(bulk.db, { total: 400, bulkFrom: 100, now: new Date('2026-11-01T00:00:00Z') });
    await expectStatsTrue(bulk.db);
    const triggers = await bulk.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'facet_stats_%' ORDER BY name`);
    expect(triggers.map((t) => t.name)).toEqual(['facet_stats_delete', 'facet_stats_insert', 'facet_stats_update']);
    await bulk.db.run(sql`UPDATE msmes SET status = 'removed' WHERE id % 7 = 0`);
    await bulk.db.run(sql`DELETE FROM store_links WHERE msme_id % 5 = 0`);
    await bulk.db.run(sql`UPDATE msmes SET is_juara = 1 - is_juara, regency_code = '32.73', district_code = '32.73.01' WHERE id % 11 = 0`);
    await expectStatsTrue(bulk.db);
    bulk.client.close();
  });
});
