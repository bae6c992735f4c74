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
}

describe('published listings per category and kabupaten/kota', () => {
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
    const moved = registrationSchema.parse(validRegistration({ name: 'Kopi Hitam Hitung', category: 'pertanian', regencyCode: '32.05', districtCode: '32.05.01' }));
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
