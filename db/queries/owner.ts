import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Registration } from '../../src/core/registration.ts';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import type { Db, DbOrTx, Tx } from '../client.ts';
import { auditLog, msmeRevisions, msmes, products, storeLinks } from '../schema.ts';
import { businessFields, childRows, shopDetailsOf } from './registrations.ts';
import { syncSearchIndex } from './search-index.ts';
import { bumpVersion } from './version.ts';
import { failingLinks } from './link-checks.ts';
import { findCohort } from './cohorts.ts';
import { deleteAllPhotos, photosOf, type PhotoRow } from './photos.ts';

/**
 * What the owner sees through the private link: the listing as stored (the data they can
 * change), its status, and the edit waiting for review if there is one.
 */
export async function getOwnListing(db: Db, statusTokenHash: string) {
  const [m] = await db.select().from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
  if (!m) return undefined;
  const [current, [pending], [lastRejected], linkProblems, cohort, photos] = await Promise.all([
    listingData(db, m),
    db
      .select()
      .from(msmeRevisions)
      .where(and(eq(msmeRevisions.msmeId, m.id), eq(msmeRevisions.status, 'pending'))),
    db
      .select({ reason: msmeRevisions.reason, reviewedAt: msmeRevisions.reviewedAt })
      .from(msmeRevisions)
      .where(and(eq(msmeRevisions.msmeId, m.id), eq(msmeRevisions.status, 'rejected')))
      .orderBy(desc(msmeRevisions.id))
      .limit(1),
    failingLinks(db, m.id),
    m.cohortId === null ? undefined : findCohort(db, m.cohortId),
    photosOf(db, m.id, { all: true }),
  ]);
  return {
    listing: m,
    current,
    /** Links the checker could not open, or found moved: the owner sees which and since when. */
    linkProblems,
    /** The program the listing came in with, if any. */
    cohortName: cohort?.name,
    /** Every photo, those waiting for review too. */
    photos,
    pendingEdit: pending ? { data: pending.data as unknown as Registration, createdAt: pending.createdAt } : undefined,
    rejectedEdit: !pending && lastRejected?.reviewedAt ? { reason: lastRejected.reason ?? '', reviewedAt: lastRejected.reviewedAt } : undefined,
  };
}

/** A stored listing's editable data, with its links and products in the owner's order. */
export async function listingData(db: DbOrTx, m: typeof msmes.$inferSelect) {
  const [links, items] = await Promise.all([
    db.select().from(storeLinks).where(eq(storeLinks.msmeId, m.id)).orderBy(asc(storeLinks.position)),
    db.select().from(products).where(eq(products.msmeId, m.id)).orderBy(asc(products.position)),
  ]);
  return {
    name: m.name,
    description: m.description,
    category: m.category,
    kbliCodes: m.kbliCodes,
    regencyCode: m.regencyCode,
    districtCode: m.districtCode,
    address: m.address,
    whatsapp: m.whatsapp,
    email: m.email,
    nib: m.nib,
    halalNumber: m.halalNumber,
    pirtNumber: m.pirtNumber,
    ...shopDetailsOf(m),
    storeLinks: links.map((l) => l.url),
    products: items.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax, unit: p.unit, url: p.url })),
    /** When the owner last said the prices hold (the oldest of the products), or null. */
    pricesConfirmedAt: items.reduce<Date | null>((oldest, p) => (p.priceConfirmedAt && (!oldest || p.priceConfirmedAt < oldest) ? p.priceConfirmedAt : oldest), null),
  };
}

export type OwnListing = NonNullable<Awaited<ReturnType<typeof getOwnListing>>>;

/** Replaces a listing's fields, links and products with a registration's (inside a transaction). */
export async function applyRegistration(tx: Tx, msmeId: number, reg: Registration, fields: Partial<typeof msmes.$inferInsert>, pricesConfirmedAt: Date) {
  await tx.update(msmes).set({ ...businessFields(reg), ...fields }).where(eq(msmes.id, msmeId));
  // A link kept through the change keeps what the link checker knew of it; a new one is checked first.
  const checked = new Map(
    (await tx.select({ url: storeLinks.url, checkedAt: storeLinks.checkedAt, checkState: storeLinks.checkState, checkDetail: storeLinks.checkDetail, failingSince: storeLinks.failingSince, movedTo: storeLinks.movedTo, nextCheckAt: storeLinks.nextCheckAt }).from(storeLinks).where(eq(storeLinks.msmeId, msmeId))).map(
      ({ url, ...check }) => [url, check],
    ),
  );
  await tx.delete(storeLinks).where(eq(storeLinks.msmeId, msmeId));
  await tx.delete(products).where(eq(products.msmeId, msmeId));
  const { links, items } = childRows(msmeId, reg, pricesConfirmedAt);
  if (links.length > 0) await tx.insert(storeLinks).values(links.map((l) => ({ ...l, ...checked.get(l.url) })));
  if (items.length > 0) await tx.insert(products).values(items);
}

/**
 * An owner's change. A listing not yet published is changed in place and waits for review
 * again; a published one keeps its public profile unchanged and the change waits as a
 * revision (replacing any older waiting one). `version` is the one the owner's page showed:
 * if the listing changed since, nothing is written and the owner is asked to reload.
 */
export async function submitOwnerEdit(db: Db, statusTokenHash: string, reg: Registration, version: number, now: Date) {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
    if (!m || m.status === 'removed') throw new AppError('NOT_FOUND', messages.registrationNotFound);
    const bumped = await bumpVersion(tx, m.id, version, now);
    if (bumped === undefined) throw new AppError('CONFLICT', messages.staleEdit);
    if (m.status === 'published') {
      await tx
        .update(msmeRevisions)
        .set({ status: 'superseded', reviewedAt: now })
        .where(and(eq(msmeRevisions.msmeId, m.id), eq(msmeRevisions.status, 'pending')));
      await tx.insert(msmeRevisions).values({ msmeId: m.id, data: reg as unknown as Record<string, unknown>, baseVersion: version, createdAt: now });
    } else {
      // A changed NIB or halal number is the owner's word again until staff check it.
      await applyRegistration(tx, m.id, reg, {
        status: 'pending',
        rejectionReason: null,
        // An invited owner who sends the form (with its consent box ticked) confirms the data filled in for them.
        ...(m.status === 'invited' ? { confirmedAt: now, consentAt: now } : {}),
        ...((reg.nib ?? null) !== m.nib ? { nibVerifiedAt: null } : {}),
        ...((reg.halalNumber ?? null) !== m.halalNumber ? { halalVerifiedAt: null } : {}),
      }, now);
    }
    await tx.insert(auditLog).values({ msmeId: m.id, action: 'owner-edit', actor: 'owner', at: now, detail: { from: version, published: m.status === 'published' } });
    return { status: m.status === 'published' ? ('edit-pending' as const) : ('pending' as const), version: bumped };
  });
}

/**
 * Removes a listing at the owner's request: its data (business and personal) is erased,
 * it leaves the index and the site, and only a tombstone with the audit trail remains.
 */
export async function removeOwnListing(db: Db, statusTokenHash: string, now: Date, action = 'owner-remove'): Promise<{ wasPublished: boolean; photos: PhotoRow[] }> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
    if (!m || m.status === 'removed') throw new AppError('NOT_FOUND', messages.registrationNotFound);
    await tx.delete(storeLinks).where(eq(storeLinks.msmeId, m.id));
    await tx.delete(products).where(eq(products.msmeId, m.id));
    await tx.delete(msmeRevisions).where(eq(msmeRevisions.msmeId, m.id));
    // Their files are deleted by the caller once this is committed (functions/services/owner.ts).
    const photos = await deleteAllPhotos(tx, m.id);
    await tx
      .update(msmes)
      .set({
        name: 'Listing dihapus',
        description: '',
        kbliCodes: [],
        address: null,
        whatsapp: '',
        email: null,
        nib: null,
        nibVerifiedAt: null,
        halalNumber: null,
        pirtNumber: null,
        priceMin: null,
        priceMax: null,
        status: 'removed',
        updatedAt: now,
        version: sql`${msmes.version} + 1`,
      })
      .where(eq(msmes.id, m.id));
    await syncSearchIndex(tx, m.id);
    await tx.insert(auditLog).values({ msmeId: m.id, action, actor: 'owner', at: now, detail: { wasPublished: m.status === 'published', photos: photos.length } });
    return { wasPublished: m.status === 'published', photos };
  });
}

/**
 * The owner says every price still holds, in one tap from their status page: the products'
 * confirmation date becomes now. Nothing a buyer reads changes but that date, so it needs
 * no review. Returns whether the listing is published (its pages then show the new date).
 */
export async function confirmOwnPrices(db: Db, statusTokenHash: string, now: Date): Promise<{ published: boolean }> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
    if (!m || m.status === 'removed') throw new AppError('NOT_FOUND', messages.registrationNotFound);
    const confirmed = await tx.update(products).set({ priceConfirmedAt: now }).where(eq(products.msmeId, m.id)).returning({ id: products.id });
    if (confirmed.length === 0) throw new AppError('VALIDATION_FAILED', messages.noPricesToConfirm, { fields: [{ path: 'products', message: messages.noPricesToConfirm }] });
    await tx.insert(auditLog).values({ msmeId: m.id, action: 'confirm-prices', actor: 'owner', at: now, detail: { products: confirmed.length } });
    return { published: m.status === 'published' };
  });
}

/**
 * An invited owner's answer to the data a program filled in for them: confirmed (it waits
 * for review like any registration, with the owner's own consent, now) or declined (the
 * data is erased, as a removal erases it).
 */
export async function confirmInvitation(db: Db, statusTokenHash: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [m] = await tx.select({ id: msmes.id, status: msmes.status }).from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
    if (!m) throw new AppError('NOT_FOUND', messages.registrationNotFound);
    if (m.status !== 'invited') throw new AppError('CONFLICT', messages.invitationAnswered);
    await tx.update(msmes).set({ status: 'pending', confirmedAt: now, consentAt: now, updatedAt: now, version: sql`${msmes.version} + 1` }).where(eq(msmes.id, m.id));
    await tx.insert(auditLog).values({ msmeId: m.id, action: 'owner-confirm', actor: 'owner', at: now, detail: null });
  });
}

/** An invited owner declines: the data a program filled in is erased, as a removal erases it. */
export async function declineInvitation(db: Db, statusTokenHash: string, now: Date): Promise<{ photos: PhotoRow[] }> {
  const [m] = await db.select({ status: msmes.status }).from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
  if (!m) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  if (m.status !== 'invited') throw new AppError('CONFLICT', messages.invitationAnswered);
  return removeOwnListing(db, statusTokenHash, now, 'owner-decline');
}
