import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cohorts, msmes, staff } from '../schema.ts';
import { onMarketplaceSql } from './stats.ts';

/** A cohort's outcome figures, for the whole cohort or one group of it (a mentor, a kabupaten/kota, a month). */
export interface CohortFigures {
  key: string;
  total: number;
  invited: number;
  confirmed: number;
  pending: number;
  published: number;
  marketplace: number;
  nibVerified: number;
  deadLinks: number;
}


const figures = (key: ReturnType<typeof sql>) => sql`
  SELECT ${key} AS key, count(*) AS total,
    sum(m.status = 'invited') AS invited,
    sum(m.confirmed_at IS NOT NULL) AS confirmed,
    sum(m.status = 'pending') AS pending,
    sum(m.status = 'published') AS published,
    sum(m.status = 'published' AND (${onMarketplaceSql})) AS marketplace,
    sum(m.status = 'published' AND m.nib_verified_at IS NOT NULL) AS nibVerified,
    sum((SELECT count(*) FROM store_links l WHERE l.msme_id = m.id AND l.check_state = 'gone')) AS deadLinks`;

const numbers = (rows: Record<string, unknown>[]): CohortFigures[] =>
  rows.map((r) => ({
    key: String(r['key'] ?? ''),
    total: Number(r['total'] ?? 0),
    invited: Number(r['invited'] ?? 0),
    confirmed: Number(r['confirmed'] ?? 0),
    pending: Number(r['pending'] ?? 0),
    published: Number(r['published'] ?? 0),
    marketplace: Number(r['marketplace'] ?? 0),
    nibVerified: Number(r['nibVerified'] ?? 0),
    deadLinks: Number(r['deadLinks'] ?? 0),
  }));

/** Every cohort with its totals, newest first. */
export async function listCohorts(db: Db) {
  const list = await db.select().from(cohorts).orderBy(sql`${cohorts.id} DESC`);
  const totals = numbers(await db.all(sql`${figures(sql`m.cohort_id`)} FROM msmes m WHERE m.cohort_id IS NOT NULL AND m.status != 'removed' GROUP BY m.cohort_id`));
  const byId = new Map(totals.map((t) => [t.key, t]));
  return list.map((c) => ({ ...c, figures: byId.get(String(c.id)) }));
}

export const findCohort = async (db: Db, id: number) => (await db.select().from(cohorts).where(eq(cohorts.id, id)))[0];
export const cohortByName = async (db: Db, name: string) => (await db.select().from(cohorts).where(eq(cohorts.name, name)))[0];

/**
 * A cohort's outcomes (removed listings leave it): in all, per mentor, per kabupaten/kota,
 * and per month on the WIB clock by when listings were imported (how many of each month's
 * intake now stand where). From the listings themselves, by the index on cohort_id.
 */
export async function cohortOutcomes(db: Db, cohortId: number) {
  const where = sql`FROM msmes m WHERE m.cohort_id = ${cohortId} AND m.status != 'removed'`;
  const [total, mentors, regencies, months] = await Promise.all([
    db.all<Record<string, unknown>>(sql`${figures(sql`'semua'`)} ${where}`),
    db.all<Record<string, unknown>>(sql`${figures(sql`coalesce(m.registered_by, 0)`)} ${where} GROUP BY 1 ORDER BY 2 DESC`),
    db.all<Record<string, unknown>>(sql`${figures(sql`m.regency_code`)} ${where} GROUP BY 1 ORDER BY 1`),
    db.all<Record<string, unknown>>(sql`${figures(sql`strftime('%Y-%m', m.created_at / 1000, 'unixepoch', '+7 hours')`)} ${where} GROUP BY 1 ORDER BY 1`),
  ]);
  const mentorIds = numbers(mentors).map((m) => Number(m.key)).filter((id) => id > 0);
  const names = new Map((mentorIds.length ? await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, mentorIds)) : []).map((s) => [String(s.id), s.name]));
  return {
    total: numbers(total)[0] ?? numbers([{ key: 'semua' }])[0]!,
    mentors: numbers(mentors).map((m) => ({ ...m, name: names.get(m.key) ?? 'tanpa pendamping' })),
    regencies: numbers(regencies),
    months: numbers(months),
  };
}

/** The owners of a cohort who have a link to receive: invited (to confirm) and registered with consent (waiting for review), by name. */
export async function cohortOwners(db: Db, cohortId: number) {
  return db
    .select({ id: msmes.id, name: msmes.name, whatsapp: msmes.whatsapp, regencyCode: msmes.regencyCode, status: msmes.status, importKey: msmes.importKey, statusTokenHash: msmes.statusTokenHash, invitedAt: msmes.invitedAt, consentRecord: msmes.consentRecord, registeredBy: msmes.registeredBy })
    .from(msmes)
    .where(sql`${msmes.cohortId} = ${cohortId} AND ${msmes.status} IN ('invited', 'pending') AND ${msmes.importKey} IS NOT NULL`)
    .orderBy(asc(msmes.name));
}
