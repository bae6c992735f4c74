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

/** Per kabupaten/kota figures over every listing, in one statement (sample listings included, as the site shows them). */
export async function digitalisationByRegency(db: Db, now: Date): Promise<RegencyDigitalisation[]> {
  const since = now.getTime() - 30 * 86_400_000;
  const marketplace = sql.join(MARKETPLACES.map((id) => sql`${id}`), sql`, `);
  return db.all<RegencyDigitalisation>(sql`
    SELECT m.regency_code AS regencyCode,
           sum(m.status = 'published') AS published,
           sum(m.status = 'published' AND EXISTS (SELECT 1 FROM store_links l WHERE l.msme_id = m.id AND l.platform IN (${marketplace}))) AS onMarketplace,
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
