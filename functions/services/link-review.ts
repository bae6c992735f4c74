import { and, eq } from 'drizzle-orm';
import { queuedLink } from '../../db/queries/link-checks.ts';
import { syncSearchIndex } from '../../db/queries/search-index.ts';
import { auditLog, storeLinks } from '../../db/schema.ts';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { normaliseStoreLink } from '../../src/core/store-link.ts';
import type { AppDeps } from '../deps.ts';
import { announceChange } from '../page-changes.ts';
import { actorOf, type StaffSession } from './staff.ts';

/** What staff may do with a link in the queue (/admin/tautan). */
export const linkActions = ['pakai-alamat-baru', 'hapus', 'periksa-lagi'] as const;
export type LinkAction = (typeof linkActions)[number];

/**
 * A reviewer's decision on a link the checker flagged: take the address it moved to (the
 * canonical one, checked like any store link), remove a link confirmed gone, or have it
 * checked again on the next run (the shop is there after all). Audited; the listing's
 * cached pages are dropped.
 */
export async function decideLink(deps: Required<AppDeps>, session: StaffSession, id: string, action: string) {
  if (!/^\d{1,10}$/.test(id)) throw new AppError('NOT_FOUND', messages.notFound);
  if (!(linkActions as readonly string[]).includes(action)) throw new AppError('VALIDATION_FAILED', messages.staff.storeLinkAction, { fields: [{ path: 'aksi', message: messages.staff.storeLinkAction }] });
  const link = await queuedLink(deps.db, Number(id));
  if (!link) throw new AppError('CONFLICT', messages.staff.storeLinkGoneAway);
  const now = deps.clock();
  const audit = (what: string, detail: Record<string, unknown>) => deps.db.insert(auditLog).values({ msmeId: link.msmeId, action: what, actor: actorOf(session), at: now, detail });
  const same = and(eq(storeLinks.id, link.id), eq(storeLinks.url, link.url));
  if (action === 'pakai-alamat-baru') {
    const moved = link.checkState === 'moved' && link.movedTo ? normaliseStoreLink(link.movedTo) : undefined;
    if (!moved?.ok) throw new AppError('CONFLICT', messages.staff.storeLinkNotMoved);
    const taken = await deps.db.select({ id: storeLinks.id }).from(storeLinks).where(and(eq(storeLinks.msmeId, link.msmeId), eq(storeLinks.url, moved.url)));
    if (taken.length > 0) throw new AppError('CONFLICT', messages.staff.storeLinkTaken);
    // A new row in the old one's place, so the platform counts' triggers see the change.
    await deps.db.transaction(async (tx) => {
      const [old] = await tx.delete(storeLinks).where(same).returning();
      if (!old) throw new AppError('CONFLICT', messages.staff.storeLinkGoneAway);
      await tx.insert(storeLinks).values({ msmeId: old.msmeId, platform: moved.platform, url: moved.url, position: old.position, checkedAt: old.checkedAt, checkState: 'ok', checkDetail: old.checkDetail, nextCheckAt: old.nextCheckAt });
      await tx.insert(auditLog).values({ msmeId: link.msmeId, action: 'link-moved', actor: actorOf(session), at: now, detail: { from: link.url, to: moved.url } });
    });
  } else if (action === 'hapus') {
    const removed = await deps.db.delete(storeLinks).where(same).returning({ id: storeLinks.id });
    if (removed.length === 0) throw new AppError('CONFLICT', messages.staff.storeLinkGoneAway);
    await audit('link-removed', { url: link.url, state: link.checkState });
  } else {
    await deps.db.update(storeLinks).set({ checkState: null, checkDetail: null, failingSince: null, movedTo: null, nextCheckAt: 0 }).where(same);
    await audit('link-recheck', { url: link.url, state: link.checkState });
  }
  // The search index holds each listing's platforms.
  if (action !== 'periksa-lagi') await syncSearchIndex(deps.db, link.msmeId);
  await announceChange(deps, [{ slug: link.slug, category: link.category, regencyCode: link.regencyCode }]);
}
