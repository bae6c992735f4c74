import { mentorConsentSchema } from '../../src/core/consent.ts';
import { AppError, type FieldError } from '../../src/core/errors.ts';
import { freeText } from '../../src/core/free-text.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { listingPlace } from '../../db/queries/places.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { approve, closeReport, reissueOwnerLink, reject, setJuara, verifyHalal, verifyNib } from '../../db/queries/review.ts';
import { withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { sendStatusLink } from '../email.ts';
import { announceChange } from '../page-changes.ts';
import { newPrivateLink } from './registration.ts';
import { photoIdOf, removePhoto } from './photos.ts';
import { actorOf, type StaffSession } from './staff.ts';

/** The decisions a reviewer takes on a listing, by the name in its address (/admin/umkm/:id/:aksi). */
export const decisions = ['setujui', 'tolak', 'nib', 'halal', 'juara', 'hapus-foto'] as const;
export type Decision = (typeof decisions)[number];

/** The version a staff page showed, required on every decision (409 when the listing changed since). */
function versionOf(data: Record<string, unknown>) {
  const raw = data['version'];
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new AppError('VALIDATION_FAILED', messages.version, { fields: [{ path: 'version', message: messages.version }] });
  return Number(raw);
}

/**
 * A reviewer's decision on a listing: approve (a new registration goes live, or an edit
 * replaces what is published), reject with a reason the owner reads, mark the NIB or the
 * halal certificate verified,
 * mark or unmark UMKM Juara, or remove a photo. Everything is audited with who and when; a change the public
 * sees drops the cached pages that show the listing, where it was and where it is now.
 */
export async function decide(deps: Required<AppDeps>, session: StaffSession, id: number, decision: Decision, data: Record<string, unknown>, background?: (work: Promise<unknown>) => void) {
  const action = { id, version: versionOf(data), actor: actorOf(session), now: deps.clock() };
  if (decision === 'hapus-foto') {
    // A photo is removed whatever the listing's version: it changes nothing else a reviewer decides on.
    await removePhoto(deps, id, photoIdOf(data), action.actor, background);
    return;
  }
  const before = await listingPlace(deps.db, id);
  let visible = true;
  if (decision === 'setujui') await approve(deps.db, action);
  else if (decision === 'nib') await verifyNib(deps.db, action);
  else if (decision === 'halal') await verifyHalal(deps.db, action);
  else if (decision === 'juara') {
    if (data['juara'] !== '0' && data['juara'] !== '1') throw new AppError('VALIDATION_FAILED', messages.flag, { fields: [{ path: 'juara', message: messages.flag }] });
    await setJuara(deps.db, { ...action, juara: data['juara'] === '1' });
  } else {
    const reason = freeText(10, 500).safeParse(data['reason']);
    if (!reason.success) throw new AppError('VALIDATION_FAILED', messages.staff.rejectReason, { fields: toFieldErrors(reason.error).map((f) => ({ ...f, path: 'reason' })) });
    await reject(deps.db, { ...action, reason: reason.data });
    visible = false;
  }
  if (visible) await announceChange(deps, [before, await listingPlace(deps.db, id)], background);
}

/** A new private link for an owner who lost theirs, with how staff made sure it is the owner; the old one stops working. */
export async function replaceOwnerLink(deps: Required<AppDeps>, session: StaffSession, id: number, data: Record<string, unknown>) {
  const note = freeText(5, 300).safeParse(data['note']);
  if (!note.success) throw new AppError('VALIDATION_FAILED', messages.staff.linkNote, { fields: [{ path: 'note', message: messages.staff.linkNote }] });
  const link = await newPrivateLink(deps);
  await reissueOwnerLink(deps.db, { id, version: versionOf(data), actor: actorOf(session), now: deps.clock(), statusTokenHash: link.hash, note: note.data });
  return link.url;
}

/** Closes a problem report with what was done about it. */
export async function closeProblemReport(deps: Required<AppDeps>, session: StaffSession, reportId: string, data: Record<string, unknown>) {
  if (!/^\d{1,10}$/.test(reportId)) throw new AppError('NOT_FOUND', messages.notFound);
  const note = freeText(5, 300).safeParse(data['note']);
  if (!note.success) throw new AppError('VALIDATION_FAILED', messages.staff.reportNote, { fields: [{ path: 'note', message: messages.staff.reportNote }] });
  await closeReport(deps.db, Number(reportId), note.data, actorOf(session), deps.clock());
}

/**
 * A mentor (or reviewer) registers a business on its owner's behalf, recording who
 * consented, how and when (UU PDP); it waits for review like any registration. Every bad
 * field is named (422). Returns the owner's private link, shown once.
 */
export async function registerForOwner(deps: Required<AppDeps>, session: StaffSession, sent: Record<string, unknown>) {
  const { ownerName, consentMethod, ...registration } = withoutHoneypot(sent);
  const reg = registrationSchema.safeParse(registration);
  const consent = mentorConsentSchema.safeParse({ ownerName, consentMethod });
  if (!reg.success || !consent.success) {
    const fields: FieldError[] = [...(consent.success ? [] : toFieldErrors(consent.error)), ...(reg.success ? [] : toFieldErrors(reg.error))];
    throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
  }
  const now = deps.clock();
  const link = await newPrivateLink(deps);
  await createListing(deps.db, reg.data, {
    now,
    statusTokenHash: link.hash,
    actor: actorOf(session),
    verification: 'mentor',
    verifiedAt: now,
    registeredBy: session.member.id,
    consentRecord: { ownerName: consent.data.ownerName, method: consent.data.consentMethod, at: now.toISOString(), mentor: session.member.username },
  });
  const emailed = await sendStatusLink(deps, reg.data.email, reg.data.name, link.url);
  return { name: reg.data.name, statusUrl: link.url, emailed };
}
