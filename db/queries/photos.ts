import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { MAX_PHOTOS, type PhotoKind } from '../../src/core/photo-rules.ts';
import type { Db, DbOrTx } from '../client.ts';
import { auditLog, msmePhotos } from '../schema.ts';

export type PhotoRow = typeof msmePhotos.$inferSelect;

/** A listing's photos in the owner's order; only the published ones unless `all`. */
export async function photosOf(db: DbOrTx, msmeId: number, options: { all?: boolean } = {}): Promise<PhotoRow[]> {
  return db
    .select()
    .from(msmePhotos)
    .where(options.all ? eq(msmePhotos.msmeId, msmeId) : and(eq(msmePhotos.msmeId, msmeId), eq(msmePhotos.status, 'published')))
    .orderBy(asc(msmePhotos.position), asc(msmePhotos.id));
}

export interface NewPhoto {
  msmeId: number;
  fileKey: string;
  kind: PhotoKind;
  caption: string | null;
  width: number;
  height: number;
  widths: number[];
  bytes: number;
  now: Date;
  actor: string;
}

/**
 * Records a photo whose files are already stored, as the listing's last, waiting for
 * review. The count is checked in the same statement that inserts, so two uploads at
 * once from two server processes cannot make a ninth photo: one of them gets the 422.
 */
export async function insertPhoto(db: Db, photo: NewPhoto): Promise<PhotoRow> {
  return db.transaction(async (tx) => {
    const rows = await tx.all<{ id: number }>(sql`
      INSERT INTO msme_photos (msme_id, file_key, kind, caption, width, height, widths, bytes, position, status, created_at)
      SELECT ${photo.msmeId}, ${photo.fileKey}, ${photo.kind}, ${photo.caption}, ${photo.width}, ${photo.height}, ${photo.widths.join(',')}, ${photo.bytes},
        coalesce((SELECT max(position) FROM msme_photos WHERE msme_id = ${photo.msmeId}), -1) + 1, 'pending', ${photo.now.getTime()}
      WHERE (SELECT count(*) FROM msme_photos WHERE msme_id = ${photo.msmeId}) < ${MAX_PHOTOS}
      RETURNING id`);
    const id = rows[0]?.id;
    if (id === undefined) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: [{ path: 'photo', message: messages.photo.max(MAX_PHOTOS) }] });
    await tx.insert(auditLog).values({ msmeId: photo.msmeId, action: 'photo-add', actor: photo.actor, at: photo.now, detail: { photo: id, kind: photo.kind, bytes: photo.bytes } });
    const [row] = await tx.select().from(msmePhotos).where(eq(msmePhotos.id, id));
    return row!;
  });
}

/** Deletes one photo's row (its files are the caller's to delete after); 404 when the listing has no such photo. */
export async function deletePhoto(db: Db, msmeId: number, photoId: number, actor: string, now: Date): Promise<PhotoRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(msmePhotos).where(and(eq(msmePhotos.id, photoId), eq(msmePhotos.msmeId, msmeId))).returning();
    if (!row) throw new AppError('NOT_FOUND', messages.photo.notFound, { fields: [{ path: 'photo', message: messages.photo.notFound }] });
    await tx.insert(auditLog).values({ msmeId, action: 'photo-remove', actor, at: now, detail: { photo: photoId, status: row.status } });
    return row;
  });
}

/** Every photo row of a listing deleted, for an erasure; returns them so their files go too. */
export async function deleteAllPhotos(db: DbOrTx, msmeId: number): Promise<PhotoRow[]> {
  return db.delete(msmePhotos).where(eq(msmePhotos.msmeId, msmeId)).returning();
}

/** Staff let every waiting photo of a listing onto its public profile; returns how many. */
export async function publishPhotos(db: DbOrTx, msmeId: number, now: Date): Promise<number> {
  const done = await db
    .update(msmePhotos)
    .set({ status: 'published', reviewedAt: now })
    .where(and(eq(msmePhotos.msmeId, msmeId), eq(msmePhotos.status, 'pending')))
    .returning({ id: msmePhotos.id });
  return done.length;
}
