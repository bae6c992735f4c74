import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { photoFieldsSchema } from '../../src/core/photo-fields.ts';
import { MAX_PHOTOS } from '../../src/core/photo-rules.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { photoSrc, photoSrcset, photoSuffixes } from '../../src/core/photo-urls.ts';
import { deletePhoto, insertPhoto, photosOf, type PhotoRow } from '../../db/queries/photos.ts';
import { listingPlace } from '../../db/queries/places.ts';
import { getRegistrationStatus } from '../../db/queries/registrations.ts';
import type { AppDeps } from '../deps.ts';
import type { FileStore } from '../files.ts';
import { announceChange } from '../page-changes.ts';
import { ownerTokenHash } from './owner.ts';

/** A photo as the API answers it (src/core/api-schemas.ts photoSchema). */
export function photoJson(row: PhotoRow) {
  return { id: row.id, kind: row.kind, caption: row.caption, status: row.status, width: row.width, height: row.height, srcset: photoSrcset(row), thumbnail: photoSrc(row, 'thumb.webp'), preview: photoSrc(row, 'og.jpg') };
}

/** What comes in with a photo, from the API's multipart body or the status page's form. */
export interface PhotoUpload {
  file: Uint8Array | null;
  kind?: unknown;
  caption?: unknown;
}

const randomHex = (bytes: number) => [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A photo's files removed from the store; a file already gone is not an error. */
export async function deletePhotoFiles(files: FileStore | null, rows: PhotoRow[]): Promise<void> {
  if (!files) return;
  await Promise.all(rows.flatMap((row) => photoSuffixes(row).map((suffix) => files.delete(`${row.fileKey}-${suffix}`))));
}

function storageOf(deps: Required<AppDeps>) {
  if (!deps.files || !deps.photos) throw new AppError('UNAVAILABLE', messages.photo.unavailable);
  return { files: deps.files, process: deps.photos };
}

/**
 * A new photo for a listing, from its owner or a mentor: the words checked, the file
 * decoded and encoded anew (functions/photo-process.ts), its files stored, then its row,
 * waiting for review. Any refusal is a 422 naming the field, and leaves nothing behind:
 * files written before a refused row are deleted again.
 */
export async function addPhoto(deps: Required<AppDeps>, msmeId: number, upload: PhotoUpload, actor: string): Promise<PhotoRow> {
  const { files, process } = storageOf(deps);
  const fields = photoFieldsSchema.safeParse({ kind: upload.kind, caption: upload.caption });
  const errors = [...(fields.success ? [] : toFieldErrors(fields.error)), ...(upload.file && upload.file.length > 0 ? [] : [{ path: 'photo', message: messages.photo.empty }])];
  if (errors.length > 0 || !fields.success || !upload.file) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: errors });
  // Counted before the work of decoding; counted again, atomically, when the row goes in.
  if ((await photosOf(deps.db, msmeId, { all: true })).length >= MAX_PHOTOS) {
    throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: [{ path: 'photo', message: messages.photo.max(MAX_PHOTOS) }] });
  }
  const photo = await process(upload.file, 'photo');
  const fileKey = `foto/${msmeId}/${randomHex(8)}`;
  const written: string[] = [];
  try {
    for (const file of photo.files) {
      await files.put(`${fileKey}-${file.suffix}`, file.bytes, { contentType: file.contentType });
      written.push(`${fileKey}-${file.suffix}`);
    }
    return await insertPhoto(deps.db, {
      msmeId,
      fileKey,
      kind: fields.data.kind,
      caption: fields.data.caption ?? null,
      width: photo.width,
      height: photo.height,
      widths: photo.widths,
      bytes: photo.files.reduce((sum, f) => sum + f.bytes.length, 0),
      now: deps.clock(),
      actor,
    });
  } catch (error) {
    await Promise.all(written.map((key) => files.delete(key).catch(() => undefined)));
    throw error;
  }
}

/** The id of the listing behind an owner's private link, unless it was removed; 404 otherwise. */
export async function ownListingId(deps: Required<AppDeps>, token: string): Promise<number> {
  const m = await getRegistrationStatus(deps.db, await ownerTokenHash(token));
  if (!m || m.status === 'removed') throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return m.id;
}

/** The photo id a form names (`photo`), or the 404 of a photo that is not there. */
export function photoIdOf(data: Record<string, unknown>): number {
  const raw = data['photo'];
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) throw new AppError('NOT_FOUND', messages.photo.notFound);
  return Number(raw);
}

/** An owner adds a photo through their private link; it waits for review. */
export async function addOwnPhoto(deps: Required<AppDeps>, token: string, upload: PhotoUpload): Promise<PhotoRow> {
  return addPhoto(deps, await ownListingId(deps, token), upload, 'owner');
}

/**
 * Removes one photo: the row, then its files. A published photo leaves the profile's
 * cached pages at once. Owners remove through their link, staff through the review page.
 */
export async function removePhoto(deps: Required<AppDeps>, msmeId: number, photoId: number, actor: string, background?: (work: Promise<unknown>) => void): Promise<void> {
  const row = await deletePhoto(deps.db, msmeId, photoId, actor, deps.clock());
  await deletePhotoFiles(deps.files, [row]);
  if (row.status === 'published') await announceChange(deps, [await listingPlace(deps.db, msmeId)], background);
}

export async function removeOwnPhoto(deps: Required<AppDeps>, token: string, photoId: number, background?: (work: Promise<unknown>) => void): Promise<void> {
  await removePhoto(deps, await ownListingId(deps, token), photoId, 'owner', background);
}
