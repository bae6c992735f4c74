import { AppError, type FieldError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { hashToken, newToken } from '../../src/core/token.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { sendStatusLink } from '../email.ts';
import { TURNSTILE_FIELD, turnstileError } from '../turnstile.ts';

/** Where an owner's private page lives. */
export const statusPath = (token: string) => `/status/${token}`;

/** The full address of an owner's private page, as it is emailed and shown. */
export const statusUrl = (deps: Pick<AppDeps, 'config'>, token: string) => new URL(statusPath(token), deps.config.SITE_URL).toString();

/** A new private link: the token for the owner, its hash (all that is stored) and the full address. */
export async function newPrivateLink(deps: Pick<AppDeps, 'config'>) {
  const token = newToken();
  return { token, hash: await hashToken(token), url: statusUrl(deps, token) };
}

/**
 * A new registration, from the API (JSON) or the registration page (a form): the honeypot
 * and the fields checked, then Turnstile when configured (a token can be checked only once,
 * so only for an otherwise valid form); stored as pending with a new private link, whose
 * copy is emailed when there is an address and a mail service. A bad field is a 422
 * naming every field; nothing is stored.
 */
export async function registerListing(deps: Required<AppDeps>, sent: Record<string, unknown>, clientIp: string | undefined) {
  const { [TURNSTILE_FIELD]: challenge, ...data } = withoutHoneypot(sent);
  const parsed = registrationSchema.safeParse(data);
  const challengeError = parsed.success ? await turnstileError(deps, challenge, clientIp) : null;
  if (!parsed.success || challengeError) {
    const fields: FieldError[] = [...(parsed.success ? [] : toFieldErrors(parsed.error)), ...(challengeError ? [challengeError] : [])];
    throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
  }
  const link = await newPrivateLink(deps);
  const row = await createListing(deps.db, parsed.data, { now: deps.clock(), statusTokenHash: link.hash, actor: 'owner' });
  const emailed = await sendStatusLink(deps, parsed.data.email, parsed.data.name, link.url);
  return { slug: row.slug, status: row.status, statusUrl: link.url, statusToken: link.token, emailed };
}
