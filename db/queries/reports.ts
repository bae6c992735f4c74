import { and, eq } from 'drizzle-orm';
import type { Report } from '../../src/core/report.ts';
import type { Db } from '../client.ts';
import { msmeReports, msmes } from '../schema.ts';

/** Stores a report on a published listing; undefined when there is no such listing. */
export async function createReport(db: Db, report: Report, now: Date) {
  const [m] = await db
    .select({ id: msmes.id })
    .from(msmes)
    .where(and(eq(msmes.slug, report.slug), eq(msmes.status, 'published')));
  if (!m) return undefined;
  const [row] = await db
    .insert(msmeReports)
    .values({ msmeId: m.id, reason: report.reason, message: report.message ?? null, contact: report.contact ?? null, createdAt: now })
    .returning({ id: msmeReports.id });
  return row;
}
