import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { hashToken, isWellFormedToken } from '../../src/core/token.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { confirmInvitation, confirmOwnPrices, declineInvitation, getOwnListing, removeOwnListing, submitOwnerEdit } from '../../db/queries/owner.ts';
import { ownListingPlace } from '../../db/queries/places.ts';
import { withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { announceChange } from '../page-changes.ts';
import { deletePhotoFiles } from './photos.ts';

/** The token's hash, or 404 for anything that cannot be a token. */
export async function ownerTokenHash(token: string) {
  if (!isWellFormedToken(token)) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return hashToken(token);
}

/** What the owner's private page shows, or 404. */
export async function ownListing(deps: Required<AppDeps>, token: string) {
  const own = await getOwnListing(deps.db, await ownerTokenHash(token));
  if (!own) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return own;
}

/** An edit is a registration plus the version the owner's page showed; every bad field is named. */
function parseEdit(data: Record<string, unknown>) {
  const { version: raw, ...rest } = withoutHoneypot(data);
  const version = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  const parsed = registrationSchema.safeParse(rest);
  const fields = [...(Number.isInteger(version) && version > 0 ? [] : [{ path: 'version', message: messages.version }]), ...(parsed.success ? [] : toFieldErrors(parsed.error))];
  if (!parsed.success || fields.length > 0) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
  return { registration: parsed.data, version };
}

/**
 * An owner's change through the private link, for the version their page showed (409 if
 * the listing changed since): a pending listing changes in place, a published one keeps
 * its profile and the change waits for review.
 */
export async function editOwnListing(deps: Required<AppDeps>, token: string, data: Record<string, unknown>) {
  const { registration, version } = parseEdit(data);
  return submitOwnerEdit(deps.db, await ownerTokenHash(token), registration, version, deps.clock());
}

/**
 * The owner's removal: the data is erased, a tombstone stays; a published profile leaves
 * its pages and every cached copy at once.
 */
export async function removeOwnListingByToken(deps: Required<AppDeps>, token: string, background?: (work: Promise<unknown>) => void) {
  const hash = await ownerTokenHash(token);
  const place = await ownListingPlace(deps.db, hash);
  const removed = await removeOwnListing(deps.db, hash, deps.clock());
  await deletePhotoFiles(deps.files, removed.photos);
  if (removed.wasPublished) await announceChange(deps, [place], background);
}

/** The owner's one tap "harga masih berlaku": every product's price dated today; the pages that show it are refreshed. */
export async function confirmPricesByToken(deps: Required<AppDeps>, token: string, background?: (work: Promise<unknown>) => void) {
  const hash = await ownerTokenHash(token);
  const place = await ownListingPlace(deps.db, hash);
  if ((await confirmOwnPrices(deps.db, hash, deps.clock())).published) await announceChange(deps, [place], background);
}

/** An invited owner confirms the data a program filled in: it waits for review, with their consent now. */
export async function confirmInvitationByToken(deps: Required<AppDeps>, token: string) {
  await confirmInvitation(deps.db, await ownerTokenHash(token), deps.clock());
}

/** An invited owner declines: the data is erased as a removal erases it (it was never public). */
export async function declineInvitationByToken(deps: Required<AppDeps>, token: string) {
  const declined = await declineInvitation(deps.db, await ownerTokenHash(token), deps.clock());
  await deletePhotoFiles(deps.files, declined.photos);
}
