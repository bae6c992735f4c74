import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, msmes, siteBuilds } from '../schema.ts';

/** Actions after which the static site must be rebuilt for the public to see them. */
export const PUBLISHING_ACTIONS = ['approve', 'approve-edit', 'verify-nib', 'mark-juara', 'unmark-juara', 'owner-remove'] as const;

/** Records a finished build of the static site and when it read the database. */
export async function recordBuild(db: Db, snapshotAt: Date, finishedAt: Date) {
  const [published] = await db.select({ n: count() }).from(msmes).where(eq(msmes.status, 'published'));
  await db.insert(siteBuilds).values({ kind: 'built', snapshotAt, finishedAt, listings: published?.n ?? 0 });
}

/** Records a call of the production deploy hook. */
export async function recordBuildRequest(db: Db, at: Date) {
  await db.insert(siteBuilds).values({ kind: 'requested', snapshotAt: at });
}

/** The newest finished build, if the site was ever built on this database. */
async function latestBuild(db: Db) {
  const [row] = await db.select().from(siteBuilds).where(eq(siteBuilds.kind, 'built')).orderBy(desc(siteBuilds.snapshotAt)).limit(1);
  return row;
}

/**
 * Whether the public site shows a listing's last approved state: "live" when the newest
 * build read the database after the last approval, "publishing" when a rebuild is still to come.
 */
export async function publicationState(db: Db, msmeId: number): Promise<{ state: 'live' | 'publishing'; approvedAt: Date | null }> {
  const [[approved], build] = await Promise.all([
    db
      .select({ at: max(auditLog.at) })
      .from(auditLog)
      .where(and(eq(auditLog.msmeId, msmeId), inArray(auditLog.action, [...PUBLISHING_ACTIONS]))),
    latestBuild(db),
  ]);
  const approvedAt = approved?.at ?? null;
  if (!approvedAt) return { state: 'live', approvedAt };
  return { state: build && build.snapshotAt >= approvedAt ? 'live' : 'publishing', approvedAt };
}
