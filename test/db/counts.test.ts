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
});
