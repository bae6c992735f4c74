import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { LinkHistory, LinkState, Verdict } from '../../src/core/link-health.ts';
import { auditLog, linkCheckRuns, msmes, storeLinks } from '../schema.ts';

/** The last run of the store-link checker, or undefined if it never ran. */
export async function latestLinkRun(db: Db) {
  const [run] = await db.select().from(linkCheckRuns).orderBy(desc(linkCheckRuns.id)).limit(1);
  return run;
}

/** A link the checker is due to visit, with the listing it belongs to. */
export interface DueLink extends LinkHistory {
  msmeId: number;
  slug: string;
  category: string;
  regencyCode: string;
}

/**
 * Links of published listings due for a visit, most overdue first: new and changed links
 * (next_check_at 0) before the rolling schedule. Read by the index on next_check_at.
 */
export async function dueLinks(db: Db, now: Date, limit: number): Promise<DueLink[]> {
  return db
    .select({ id: storeLinks.id, url: storeLinks.url, checkState: storeLinks.checkState, failingSince: storeLinks.failingSince, msmeId: msmes.id, slug: msmes.slug, category: msmes.category, regencyCode: msmes.regencyCode })
    .from(storeLinks)
    .innerJoin(msmes, eq(msmes.id, storeLinks.msmeId))
    .where(and(lte(storeLinks.nextCheckAt, now.getTime()), eq(msmes.status, 'published')))
    .orderBy(asc(storeLinks.nextCheckAt), asc(storeLinks.id))
    .limit(limit);
}

/**
 * Stores the verdicts of a batch of visits in one batch (one request to Turso, one
 * transaction), for the links still as they were visited (an owner who changed the link
 * meanwhile made a new row, checked first); a link that became gone, or came back, is
 * written to the listing's audit log.
 */
export async function saveVerdicts(db: Db, results: { link: DueLink; verdict: Verdict }[], now: Date, actor: string): Promise<void> {
  const statements = results.flatMap(({ link, verdict }) => [
    db
      .update(storeLinks)
      .set({ checkedAt: now, checkState: verdict.state, checkDetail: verdict.detail, failingSince: verdict.failingSince, movedTo: verdict.movedTo, nextCheckAt: verdict.nextCheckAt.getTime() })
      .where(and(eq(storeLinks.id, link.id), eq(storeLinks.url, link.url))),
    ...((verdict.state === 'gone') !== (link.checkState === 'gone')
      ? [db.insert(auditLog).values({ msmeId: link.msmeId, action: verdict.state === 'gone' ? 'link-gone' : 'link-back', actor, at: now, detail: { url: link.url, detail: verdict.detail } })]
      : []),
  ]);
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** The state of every link of published listings, for /statistik: how many, checked in the last 90 days, and found alive then. */
export async function linkHealthTotals(db: Db, now: Date): Promise<{ totalLinks: number; checkedLinks: number; aliveLinks: number }> {
  const since = now.getTime() - 90 * 86_400_000;
  const [row] = await db.all<{ totalLinks: number; checkedLinks: number; aliveLinks: number }>(sql`
    SELECT count(*) AS totalLinks,
           coalesce(sum(l.checked_at >= ${since}), 0) AS checkedLinks,
           coalesce(sum(l.checked_at >= ${since} AND l.check_state IN ('ok', 'moved')), 0) AS aliveLinks
    FROM store_links l JOIN msmes m ON m.id = l.msme_id WHERE m.status = 'published'`);
  return { totalLinks: Number(row?.totalLinks ?? 0), checkedLinks: Number(row?.checkedLinks ?? 0), aliveLinks: Number(row?.aliveLinks ?? 0) };
}

/** Records a finished run with the totals as it ended. */
export async function recordLinkRun(db: Db, run: { startedAt: Date; finishedAt: Date; visited: number; found: Partial<Record<LinkState, number>> }) {
  const totals = await linkHealthTotals(db, run.finishedAt);
  await db.insert(linkCheckRuns).values({ ...run, ...totals });
  return totals;
}

/** A link staff should look at: moved (adopt the new address?), gone (confirmed) or suspect (once). */
export interface QueuedLink {
  id: number;
  msmeId: number;
  name: string;
  slug: string;
  platform: string;
  url: string;
  checkState: LinkState;
  checkDetail: string | null;
  checkedAt: Date | null;
  failingSince: Date | null;
  movedTo: string | null;
}

/** The staff queue of links: moved first (they wait for a decision), then gone, then suspect; newest findings first. */
export async function linkQueue(db: Db, limit = 200): Promise<QueuedLink[]> {
  const rows = await db
    .select({ id: storeLinks.id, msmeId: msmes.id, name: msmes.name, slug: msmes.slug, platform: storeLinks.platform, url: storeLinks.url, checkState: storeLinks.checkState, checkDetail: storeLinks.checkDetail, checkedAt: storeLinks.checkedAt, failingSince: storeLinks.failingSince, movedTo: storeLinks.movedTo })
    .from(storeLinks)
    .innerJoin(msmes, eq(msmes.id, storeLinks.msmeId))
    .where(and(inArray(storeLinks.checkState, ['moved', 'gone', 'suspect']), eq(msmes.status, 'published')))
    .orderBy(sql`CASE ${storeLinks.checkState} WHEN 'moved' THEN 0 WHEN 'gone' THEN 1 ELSE 2 END`, desc(storeLinks.checkedAt))
    .limit(limit);
  return rows as QueuedLink[];
}

/** One queued link by id, with its listing's place (for the page cache), or undefined. */
export async function queuedLink(db: Db, id: number) {
  const [row] = await db
    .select({ id: storeLinks.id, msmeId: storeLinks.msmeId, url: storeLinks.url, platform: storeLinks.platform, checkState: storeLinks.checkState, movedTo: storeLinks.movedTo, slug: msmes.slug, category: msmes.category, regencyCode: msmes.regencyCode })
    .from(storeLinks)
    .innerJoin(msmes, eq(msmes.id, storeLinks.msmeId))
    .where(eq(storeLinks.id, id));
  return row;
}

/** A listing's links that the checker could not open, for the owner's status page. */
export async function failingLinks(db: Db, msmeId: number) {
  return db
    .select({ url: storeLinks.url, checkState: storeLinks.checkState, failingSince: storeLinks.failingSince, movedTo: storeLinks.movedTo })
    .from(storeLinks)
    .where(and(eq(storeLinks.msmeId, msmeId), inArray(storeLinks.checkState, ['suspect', 'gone', 'moved'])))
    .orderBy(asc(storeLinks.position));
}
