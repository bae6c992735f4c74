import { sql } from 'drizzle-orm';
import { platforms } from '../../src/core/platforms.ts';
import type { Db } from '../client.ts';

/** Where a kabupaten/kota stands in bringing its UMKM online, as the Dinas KUMKM follows it. */
export interface RegencyDigitalisation {
  regencyCode: string;
  published: number;
  /** Published listings with a shop on at least one marketplace (not only social media or food delivery). */
  onMarketplace: number;
  verified: number;
  juara: number;
  /** Published in the 30 days before `now`. */
  new30: number;
  pending: number;
}

const MARKETPLACES = platforms.filter((p) => p.kind === 'marketplace').map((p) => p.id);

/** Whether listing `m` sells on a marketplace, from its platforms column (the same test as migration 0020's triggers). */
export const onMarketplaceSql = sql.join(MARKETPLACES.map((id) => sql`instr(',' || m.platforms || ',', ${`,${id},`}) > 0`), sql` OR `);

/** Per kabupaten/kota figures over every listing, in one statement (sample listings included, as the site shows them). */
export async function digitalisationByRegency(db: Db, now: Date): Promise<RegencyDigitalisation[]> {
  const since = now.getTime() - 30 * 86_400_000;
  return db.all<RegencyDigitalisation>(sql`
    SELECT m.regency_code AS regencyCode,
           sum(m.status = 'published') AS published,
           sum(m.status = 'published' AND (${onMarketplaceSql})) AS onMarketplace,
           sum(m.status = 'published' AND m.nib_verified_at IS NOT NULL) AS verified,
           sum(m.status = 'published' AND m.is_juara) AS juara,
           sum(m.status = 'published' AND m.published_at >= ${since}) AS new30,
           sum(m.status = 'pending') AS pending
    FROM msmes m
    WHERE m.status IN ('published', 'pending')
    GROUP BY m.regency_code`);
}

/** Listings published per month (Asia/Jakarta), the last `months` months up to `now`, oldest first. */
export async function publishedPerMonth(db: Db, now: Date, months = 6): Promise<{ month: string; published: number }[]> {
  const rows = await db.all<{ month: string; published: number }>(sql`
    SELECT strftime('%Y-%m', published_at / 1000, 'unixepoch', '+7 hours') AS month, count(*) AS published
    FROM msmes WHERE status = 'published' AND published_at IS NOT NULL
    GROUP BY month ORDER BY month DESC LIMIT ${months}`);
  const byMonth = new Map(rows.map((r) => [r.month, Number(r.published)]));
  const jakarta = new Date(now.getTime() + 7 * 3_600_000);
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(jakarta.getUTCFullYear(), jakarta.getUTCMonth() - (months - 1 - i), 1));
    const month = d.toISOString().slice(0, 7);
    return { month, published: byMonth.get(month) ?? 0 };
  });
}

/** One row of stats_monthly summed over a place: a kabupaten/kota (or kecamatan) in a month. */
export interface PlaceMonth {
  place: string;
  month: string;
  published: number;
  marketplace: number;
  verified: number;
  juara: number;
}

/**
 * Published listings per kabupaten/kota and month of publication (or, given one, per
 * kecamatan of that kabupaten/kota): some thousand rows of stats_monthly summed, whatever
 * the number of listings (migration 0020).
 */
export async function placeMonths(db: Db, regencyCode?: string): Promise<PlaceMonth[]> {
  const rows = await db.all<PlaceMonth>(
    regencyCode === undefined
      ? sql`SELECT regency_code AS place, month, sum(published) AS published, sum(marketplace) AS marketplace, sum(verified) AS verified, sum(juara) AS juara
            FROM stats_monthly GROUP BY regency_code, month`
      : sql`SELECT district_code AS place, month, published, marketplace, verified, juara FROM stats_monthly WHERE regency_code = ${regencyCode}`,
  );
  return rows.map((r) => ({ place: r.place, month: r.month, published: Number(r.published), marketplace: Number(r.marketplace), verified: Number(r.verified), juara: Number(r.juara) }));
}

/** Fills stats_monthly again from the listings after a bulk load (which leaves its triggers off); the same SELECT as migration 0020. */
export async function refillStatsMonthly(db: Db): Promise<void> {
  const month = sql`strftime('%Y-%m', coalesce(m.published_at, m.created_at) / 1000, 'unixepoch', '+7 hours')`;
  await db.run(sql`DELETE FROM stats_monthly`);
  await db.run(sql`INSERT INTO stats_monthly (regency_code, district_code, month, published, marketplace, verified, juara)
    SELECT m.regency_code, m.district_code, ${month}, count(*), sum(${onMarketplaceSql}), sum(m.nib_verified_at IS NOT NULL), sum(m.is_juara = 1)
    FROM msmes m WHERE m.status = 'published' GROUP BY 1, 2, 3`);
}
