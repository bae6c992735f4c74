import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { contains } from './contains.ts';
import { duplicateReason, type DuplicateReason, type DuplicateSubject } from '../../src/core/duplicates.ts';
import { AppError } from '../../src/core/errors.ts';
import type { ListingData } from '../../src/core/listing-diff.ts';
import { messages } from '../../src/core/messages.ts';
import type { Registration } from '../../src/core/registration.ts';
import type { Db, DbOrTx, Tx } from '../client.ts';
import { auditLog, msmePhotos, msmeReports, msmeRevisions, msmes, staff } from '../schema.ts';
import { photosOf, publishPhotos } from './photos.ts';
import { applyRegistration, listingData } from './owner.ts';
import { syncSearchIndex } from './search-index.ts';
import { bumpVersion } from './version.ts';

/** A new registration, an edit of a published listing, or new photos of a published listing. */
export type QueueKind = 'baru' | 'ubah' | 'foto';

export interface QueueFilter {
  kind?: QueueKind | undefined;
  q?: string | undefined;
  regencyCode?: string | undefined;
  duplicatesOnly?: boolean | undefined;
}

export interface DuplicateMatch {
  id: number;
  slug: string;
  name: string;
  status: string;
  reason: DuplicateReason;
}

export interface QueueItem {
  id: number;
  slug: string;
  name: string;
  category: string;
  regencyCode: string;
  kind: QueueKind;
  submittedAt: Date;
  registeredBy: string | null;
  duplicates: DuplicateMatch[];
}

/** The queue shows this many, oldest first; filters reach the rest. */
export const QUEUE_LIMIT = 200;

/** Other listings that look like the same business, per subject, in one query. */
export async function findDuplicates(db: DbOrTx, subjects: DuplicateSubject[]): Promise<Map<number, DuplicateMatch[]>> {
  const out = new Map<number, DuplicateMatch[]>(subjects.map((s) => [s.id, []]));
  const nibs = [...new Set(subjects.flatMap((s) => (s.nib ? [s.nib] : [])))];
  const phones = [...new Set(subjects.map((s) => s.whatsapp).filter(Boolean))];
  if (nibs.length === 0 && phones.length === 0) return out;
  const others = await db
    .select({ id: msmes.id, slug: msmes.slug, name: msmes.name, status: msmes.status, nib: msmes.nib, whatsapp: msmes.whatsapp })
    .from(msmes)
    .where(
      and(
        ne(msmes.status, 'removed'),
        or(...(nibs.length > 0 ? [inArray(msmes.nib, nibs)] : []), ...(phones.length > 0 ? [inArray(msmes.whatsapp, phones)] : [])),
      ),
    )
    .limit(1000);
  for (const subject of subjects) {
    for (const other of others) {
      const reason = duplicateReason(subject, other);
      if (reason) out.get(subject.id)?.push({ id: other.id, slug: other.slug, name: other.name, status: other.status, reason });
    }
  }
  return out;
}

/**
 * The review queue, oldest first: new registrations waiting for review, and edits of
 * published listings waiting as revisions (compared by their proposed data).
 */
export async function listQueue(db: Db, filter: QueueFilter = {}): Promise<QueueItem[]> {
  const q = filter.q?.trim();
  const digits = q?.replace(/\D/g, '') ?? '';
  const matches = q
    ? or(
        contains(msmes.name, q),
        ...(digits.length >= 4 ? [eq(msmes.nib, digits), contains(msmes.whatsapp, digits.replace(/^0/, ''))] : []),
        eq(msmes.slug, q.toLowerCase()),
      )
    : undefined;
  const regency = filter.regencyCode ? eq(msmes.regencyCode, filter.regencyCode) : undefined;
  const columns = {
    id: msmes.id,
    slug: msmes.slug,
    name: msmes.name,
    category: msmes.category,
    regencyCode: msmes.regencyCode,
    nib: msmes.nib,
    whatsapp: msmes.whatsapp,
    createdAt: msmes.createdAt,
    updatedAt: msmes.updatedAt,
    registeredBy: staff.displayName,
  };
  const [fresh, edits, photoOnly] = await Promise.all([
    filter.kind === 'ubah'
      ? []
      : db
          .select(columns)
          .from(msmes)
          .leftJoin(staff, eq(staff.id, msmes.registeredBy))
          .where(and(eq(msmes.status, 'pending'), matches, regency))
          .orderBy(asc(msmes.updatedAt))
          .limit(QUEUE_LIMIT),
    filter.kind === 'baru'
      ? []
      : db
          .select({ ...columns, data: msmeRevisions.data, revisionAt: msmeRevisions.createdAt })
          .from(msmeRevisions)
          .innerJoin(msmes, eq(msmes.id, msmeRevisions.msmeId))
          .leftJoin(staff, eq(staff.id, msmes.registeredBy))
          .where(and(eq(msmeRevisions.status, 'pending'), eq(msmes.status, 'published'), matches, regency))
          .orderBy(asc(msmeRevisions.createdAt))
          .limit(QUEUE_LIMIT),
    filter.kind === 'baru' || filter.kind === 'ubah'
      ? []
      : db
          .select({ ...columns, photosAt: sql<number>`(SELECT min(created_at) FROM msme_photos p WHERE p.msme_id = ${msmes.id} AND p.status = 'pending')` })
          .from(msmes)
          .leftJoin(staff, eq(staff.id, msmes.registeredBy))
          .where(
            and(
              inArray(msmes.id, db.selectDistinct({ id: msmePhotos.msmeId }).from(msmePhotos).where(eq(msmePhotos.status, 'pending'))),
              eq(msmes.status, 'published'),
              sql`NOT EXISTS (SELECT 1 FROM msme_revisions r WHERE r.msme_id = ${msmes.id} AND r.status = 'pending')`,
              matches,
              regency,
            ),
          )
          .limit(QUEUE_LIMIT),
  ]);
  const subjects: (QueueItem & DuplicateSubject)[] = [
    ...photoOnly.map((r) => ({ ...r, kind: 'foto' as const, submittedAt: new Date(r.photosAt), duplicates: [] })),
    ...fresh.map((r) => ({ ...r, kind: 'baru' as const, submittedAt: r.updatedAt, duplicates: [] })),
    ...edits.map((r) => {
      const data = r.data as unknown as Registration;
      return { ...r, name: data.name, nib: data.nib ?? null, whatsapp: data.whatsapp, kind: 'ubah' as const, submittedAt: r.revisionAt, duplicates: [] };
    }),
  ];
  const duplicates = await findDuplicates(db, subjects);
  return subjects
    .map(({ id, slug, name, category, regencyCode, kind, submittedAt, registeredBy }) => ({
      id,
      slug,
      name,
      category,
      regencyCode,
      kind,
      submittedAt,
      registeredBy,
      duplicates: duplicates.get(id) ?? [],
    }))
    .filter((item) => !filter.duplicatesOnly || item.duplicates.length > 0)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .slice(0, QUEUE_LIMIT);
}

/** Problem reports still open, newest first, with the listing they are about. */
export async function listOpenReports(db: Db, msmeId?: number) {
  return db
    .select({
      id: msmeReports.id,
      msmeId: msmeReports.msmeId,
      reason: msmeReports.reason,
      message: msmeReports.message,
      contact: msmeReports.contact,
      createdAt: msmeReports.createdAt,
      name: msmes.name,
      slug: msmes.slug,
    })
    .from(msmeReports)
    .innerJoin(msmes, eq(msmes.id, msmeReports.msmeId))
    .where(and(eq(msmeReports.status, 'open'), msmeId === undefined ? undefined : eq(msmeReports.msmeId, msmeId)))
    .orderBy(desc(msmeReports.createdAt))
    .limit(QUEUE_LIMIT);
}

/** Everything a reviewer decides on for one listing. */
export async function getReviewItem(db: Db, id: number) {
  const [row] = await db
    .select({ m: msmes, registeredBy: staff.displayName })
    .from(msmes)
    .leftJoin(staff, eq(staff.id, msmes.registeredBy))
    .where(eq(msmes.id, id));
  if (!row) return undefined;
  const m = row.m;
  const [current, [revision], reports, audit, photos] = await Promise.all([
    listingData(db, m),
    db
      .select()
      .from(msmeRevisions)
      .where(and(eq(msmeRevisions.msmeId, id), eq(msmeRevisions.status, 'pending'))),
    listOpenReports(db, id),
    listAudit(db, id),
    photosOf(db, id, { all: true }),
  ]);
  const proposed = revision ? (revision.data as unknown as Registration) : undefined;
  const subject = proposed ? { id, name: proposed.name, nib: proposed.nib ?? null, whatsapp: proposed.whatsapp } : m;
  const duplicates = m.status === 'removed' ? [] : ((await findDuplicates(db, [subject])).get(id) ?? []);
  return {
    listing: m,
    registeredBy: row.registeredBy,
    current: current as ListingData,
    pricesConfirmedAt: current.pricesConfirmedAt,
    proposed: proposed as ListingData | undefined,
    revisionAt: revision?.createdAt,
    reports,
    audit,
    duplicates,
    photos,
  };
}

export type ReviewItem = NonNullable<Awaited<ReturnType<typeof getReviewItem>>>;

/** A listing's audit trail, newest first. */
async function listAudit(db: DbOrTx, msmeId: number) {
  return db.select().from(auditLog).where(eq(auditLog.msmeId, msmeId)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(500);
}

/**
 * Opens a reviewer's change on a listing: the listing as it stands, refused with CONFLICT
 * when its version is not the one the reviewer's page showed. Bumps the version.
 */
async function lockForReview(tx: Tx, id: number, version: number, now: Date) {
  const [m] = await tx.select().from(msmes).where(eq(msmes.id, id));
  if (!m || m.status === 'removed') throw new AppError('NOT_FOUND', messages.msmeNotFound);
  if ((await bumpVersion(tx, id, version, now)) === undefined) throw new AppError('CONFLICT', messages.staff.staleReview);
  return m;
}

export interface ReviewAction {
  id: number;
  version: number;
  actor: string;
  now: Date;
}

/**
 * Approves what waits on a listing: a new registration goes live, or a pending edit replaces
 * the published data. A changed NIB loses its verification. Returns what was approved.
 */
export async function approve(db: Db, action: ReviewAction): Promise<QueueKind> {
  const { id, actor, now } = action;
  return db.transaction(async (tx) => {
    const m = await lockForReview(tx, id, action.version, now);
    const [revision] = await tx
      .select()
      .from(msmeRevisions)
      .where(and(eq(msmeRevisions.msmeId, id), eq(msmeRevisions.status, 'pending')));
    // The photos waiting go public with whatever else is approved.
    const photos = await publishPhotos(tx, id, now);
    if (m.status === 'pending') {
      await tx.update(msmes).set({ status: 'published', publishedAt: now, rejectionReason: null }).where(eq(msmes.id, id));
      await tx.insert(auditLog).values({ msmeId: id, action: 'approve', actor, at: now, detail: { kind: 'baru', photos } });
      await syncSearchIndex(tx, id);
      return 'baru' as const;
    }
    if (!revision && photos > 0) {
      await tx.insert(auditLog).values({ msmeId: id, action: 'approve-photos', actor, at: now, detail: { photos } });
      return 'foto' as const;
    }
    if (!revision) throw new AppError('CONFLICT', messages.staff.nothingToReview);
    const reg = revision.data as unknown as Registration;
    const nibChanged = (reg.nib ?? null) !== m.nib;
    // A new halal number is the owner's word again until staff check it.
    const halalChanged = (reg.halalNumber ?? null) !== m.halalNumber;
    await applyRegistration(tx, id, reg, {
      ...(nibChanged ? { nibVerifiedAt: null, ...(m.verification === 'staff' ? { verification: m.registeredBy ? 'mentor' : 'self' } : {}) } : {}),
      ...(halalChanged ? { halalVerifiedAt: null } : {}),
    }, revision.createdAt);
    await tx.update(msmeRevisions).set({ status: 'approved', reviewedAt: now, reviewer: actor }).where(eq(msmeRevisions.id, revision.id));
    await tx.insert(auditLog).values({ msmeId: id, action: 'approve-edit', actor, at: now, detail: { revision: revision.id, nibChanged, halalChanged, photos } });
    await syncSearchIndex(tx, id);
    return 'ubah' as const;
  });
}

/** Rejects what waits, with a reason the owner reads on their status page. */
export async function reject(db: Db, action: ReviewAction & { reason: string }): Promise<'baru' | 'ubah'> {
  const { id, actor, now, reason } = action;
  return db.transaction(async (tx) => {
    const m = await lockForReview(tx, id, action.version, now);
    if (m.status === 'pending') {
      await tx.update(msmes).set({ status: 'rejected', rejectionReason: reason }).where(eq(msmes.id, id));
      await tx.insert(auditLog).values({ msmeId: id, action: 'reject', actor, at: now, detail: { reason } });
      return 'baru' as const;
    }
    const updated = await tx
      .update(msmeRevisions)
      .set({ status: 'rejected', reviewedAt: now, reviewer: actor, reason })
      .where(and(eq(msmeRevisions.msmeId, id), eq(msmeRevisions.status, 'pending')))
      .returning({ id: msmeRevisions.id });
    if (updated.length === 0) throw new AppError('CONFLICT', messages.staff.nothingToReview);
    await tx.insert(auditLog).values({ msmeId: id, action: 'reject-edit', actor, at: now, detail: { reason, revision: updated[0]?.id } });
    return 'ubah' as const;
  });
}

/** Marks the listing's NIB as checked against documents by staff (verification "staff", dated). */
export async function verifyNib(db: Db, action: ReviewAction) {
  const { id, actor, now } = action;
  await db.transaction(async (tx) => {
    const m = await lockForReview(tx, id, action.version, now);
    if (!m.nib) throw new AppError('VALIDATION_FAILED', messages.staff.nibMissing, { fields: [{ path: 'nib', message: messages.staff.nibMissing }] });
    await tx.update(msmes).set({ nibVerifiedAt: now, verification: 'staff', verifiedAt: now }).where(eq(msmes.id, id));
    await tx.insert(auditLog).values({ msmeId: id, action: 'verify-nib', actor, at: now, detail: { nib: m.nib } });
    await syncSearchIndex(tx, id);
  });
}

/**
 * Marks the listing's halal certificate as checked by staff against BPJPH's public register
 * (SIHALAL): buyers then see "halal terverifikasi petugas" rather than the owner's word.
 */
export async function verifyHalal(db: Db, action: ReviewAction) {
  const { id, actor, now } = action;
  await db.transaction(async (tx) => {
    const m = await lockForReview(tx, id, action.version, now);
    if (!m.halalNumber) throw new AppError('VALIDATION_FAILED', messages.staff.halalMissing, { fields: [{ path: 'halalNumber', message: messages.staff.halalMissing }] });
    await tx.update(msmes).set({ halalVerifiedAt: now }).where(eq(msmes.id, id));
    await tx.insert(auditLog).values({ msmeId: id, action: 'verify-halal', actor, at: now, detail: { halalNumber: m.halalNumber } });
    await syncSearchIndex(tx, id);
  });
}

/** Marks or unmarks a listing as a participant of the UMKM Juara programme. */
export async function setJuara(db: Db, action: ReviewAction & { juara: boolean }) {
  const { id, actor, now, juara } = action;
  await db.transaction(async (tx) => {
    await lockForReview(tx, id, action.version, now);
    await tx.update(msmes).set({ isJuara: juara }).where(eq(msmes.id, id));
    await tx.insert(auditLog).values({ msmeId: id, action: juara ? 'mark-juara' : 'unmark-juara', actor, at: now });
    await syncSearchIndex(tx, id);
  });
}

/** Closes a problem report with what staff did about it. */
export async function closeReport(db: Db, reportId: number, note: string, actor: string, now: Date) {
  await db.transaction(async (tx) => {
    const [report] = await tx
      .update(msmeReports)
      .set({ status: 'closed' })
      .where(and(eq(msmeReports.id, reportId), eq(msmeReports.status, 'open')))
      .returning({ msmeId: msmeReports.msmeId, reason: msmeReports.reason });
    if (!report) throw new AppError('NOT_FOUND', messages.notFound);
    await tx.insert(auditLog).values({ msmeId: report.msmeId, action: 'close-report', actor, at: now, detail: { report: reportId, reason: report.reason, note } });
  });
}

/** Listings a mentor registered, newest first. */
export async function listRegisteredBy(db: Db, staffId: number) {
  return db
    .select({ id: msmes.id, slug: msmes.slug, name: msmes.name, status: msmes.status, createdAt: msmes.createdAt, regencyCode: msmes.regencyCode })
    .from(msmes)
    .where(and(eq(msmes.registeredBy, staffId), ne(msmes.status, 'removed')))
    .orderBy(desc(msmes.createdAt))
    .limit(500);
}

/**
 * Replaces a listing's private link when the owner lost it (after staff checked it is them):
 * the old link stops working at once. Only the new token's hash is stored.
 */
export async function reissueOwnerLink(db: Db, action: ReviewAction & { statusTokenHash: string; note: string }) {
  const { id, actor, now } = action;
  await db.transaction(async (tx) => {
    await lockForReview(tx, id, action.version, now);
    await tx.update(msmes).set({ statusTokenHash: action.statusTokenHash }).where(eq(msmes.id, id));
    await tx.insert(auditLog).values({ msmeId: id, action: 'reissue-link', actor, at: now, detail: { note: action.note } });
  });
}
