import { Hono, type Context } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { hashToken, isWellFormedToken, newToken } from '../../src/core/token.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { renderRegistrationForm } from '../../src/ui/registration-form.ts';
import { createListing, getRegistrationStatus } from '../../db/queries/registrations.ts';
import { readBody, withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { privateHtml, shellPage } from '../html/shell.ts';
import { renderStatusPage } from '../html/status-page.ts';
import { renderOwnerTools } from '../html/owner-page.ts';
import { getOwnListing, removeOwnListing, submitOwnerEdit } from '../../db/queries/owner.ts';
import { escapeHtml } from '../../src/core/text.ts';
import { ownListingPlace } from '../../db/queries/places.ts';
import { contentSecurityPolicyWithTurnstile } from '../../src/core/security-headers.ts';
import { TURNSTILE_FIELD, turnstileError } from '../turnstile.ts';
import { sendStatusLink } from '../email.ts';
import { announceChange, backgroundOf } from '../page-changes.ts';
import type { FieldError } from '../../src/core/errors.ts';

const statusPath = (token: string) => `/status/${token}`;

async function findStatus(deps: Required<AppDeps>, token: string) {
  const row = await getRegistrationStatus(deps.db, await ownerTokenHash(token));
  if (!row) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return row;
}


/** POST /api/registrations and the JSON status; a new listing waits for review as "pending". */
export function registrationRoutes(deps: Required<AppDeps>) {
  return new Hono()
    .post('/', async (c) => {
      const { data: sent, fromForm } = await readBody(c);
      const { [TURNSTILE_FIELD]: challenge, ...data } = withoutHoneypot(sent);
      const parsed = registrationSchema.safeParse(data);
      // Siteverify only for an otherwise valid form: a token can be checked once.
      const challengeError = parsed.success ? await turnstileError(deps, challenge, c.req.header('cf-connecting-ip')) : null;
      if (!parsed.success || challengeError) {
        const fields = [...(parsed.success ? [] : toFieldErrors(parsed.error)), ...(challengeError ? [challengeError] : [])];
        if (!fromForm) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
        const siteKey = deps.config.TURNSTILE_SITE_KEY;
        const form = `<h1>Daftarkan usaha Anda</h1>${renderRegistrationForm({ values: data, errors: fields, ...(siteKey ? { turnstileSiteKey: siteKey } : {}) })}`;
        const url = new URL('/daftar/', deps.config.SITE_URL).toString();
        if (siteKey) c.header('content-security-policy', contentSecurityPolicyWithTurnstile);
        return privateHtml(c, await shellPage(deps, c.req.raw, { title: 'Perbaiki isian pendaftaran', main: form, url }, '/daftar/'), 422);
      }
      const token = newToken();
      const row = await createListing(deps.db, parsed.data, {
        now: deps.clock(),
        statusTokenHash: await hashToken(token),
        actor: 'owner',
      });
      const statusUrl = new URL(statusPath(token), deps.config.SITE_URL).toString();
      const emailed = await sendStatusLink(deps, parsed.data.email, parsed.data.name, statusUrl);
      if (fromForm) return c.redirect(`${statusPath(token)}?baru=1${emailed ? '&email=1' : ''}`, 303);
      c.header('location', statusUrl);
      c.header('cache-control', 'no-store');
      return c.json({ slug: row.slug, status: row.status, statusUrl, statusToken: token, emailed }, 201);
    })
    .get('/:token', async (c) => {
      const { id: _id, ...row } = await findStatus(deps, c.req.param('token'));
      c.header('cache-control', 'no-store');
      return c.json(row);
    })
    .put('/:token', async (c) => {
      const data = withoutHoneypot((await readBody(c)).data);
      const { registration, version } = parseEdit(data);
      const result = await submitOwnerEdit(deps.db, await ownerTokenHash(c.req.param('token')), registration, version, deps.clock());
      c.header('cache-control', 'no-store');
      return c.json(result);
    })
    .delete('/:token', async (c) => {
      await removeAndAnnounce(deps, c, c.req.param('token'));
      c.header('cache-control', 'no-store');
      return c.json({ status: 'removed' });
    });
}

/** The owner's removal; a published profile leaves its pages (and the cached copies) at once. */
async function removeAndAnnounce(deps: Required<AppDeps>, c: Context, token: string) {
  const hash = await ownerTokenHash(token);
  const place = await ownListingPlace(deps.db, hash);
  if ((await removeOwnListing(deps.db, hash, deps.clock())).wasPublished) await announceChange(deps, [place], backgroundOf(c));
}

/** The token's hash for anything that cannot be a token. */
async function ownerTokenHash(token: string) {
  if (!isWellFormedToken(token)) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return hashToken(token);
}

/** An edit is a registration plus the version the owner's page showed. */
function parseEdit(data: Record<string, unknown>) {
  const { version: raw, ...rest } = data;
  const version = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  const parsed = registrationSchema.safeParse(rest);
  const fields = [...(Number.isInteger(version) && version > 0 ? [] : [{ path: 'version', message: messages.version }]), ...(parsed.success ? [] : toFieldErrors(parsed.error))];
  if (!parsed.success || fields.length > 0) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
  return { registration: parsed.data, version };
}

/**
 * /status/:token: the owner's private page, rendered on the server so it needs no
 * JavaScript: the status, the change waiting for review, the form to change anything and
 * removal. Forms post back here and are answered with a redirect or the page with errors.
 */
export function statusPageRoutes(deps: Required<AppDeps>) {
  const page = async (c: Context, token: string, options: { notice?: string; attempt?: { values: Record<string, unknown>; errors: FieldError[] }; status?: 200 | 409 | 422 } = {}) => {
    const own = await getOwnListing(deps.db, await ownerTokenHash(token));
    if (!own) throw new AppError('NOT_FOUND', messages.registrationNotFound);
    const url = new URL(statusPath(token), deps.config.SITE_URL).toString();
    const main = `${options.notice ? `<p class="notice" role="status">${escapeHtml(options.notice)}</p>` : ''}${renderStatusPage(own.listing, url, c.req.query('baru') === '1')}${renderOwnerTools(own, token, options.attempt)}`;
    return privateHtml(c, await shellPage(deps, c.req.raw, { title: 'Status pendaftaran', main, url }), options.status);
  };
  return new Hono()
    .get('/:token', (c) => {
      const notice =
        c.req.query('diubah') === '1'
          ? ownerNotices.edited
          : c.req.query('dihapus') === '1'
            ? ownerNotices.removed
            : c.req.query('email') === '1'
              ? ownerNotices.emailed
              : undefined;
      return page(c, c.req.param('token'), notice ? { notice } : {});
    })
    .post('/:token/ubah', async (c) => {
      const token = c.req.param('token');
      const data = withoutHoneypot((await readBody(c)).data);
      try {
        const { registration, version } = parseEdit(data);
        await submitOwnerEdit(deps.db, await ownerTokenHash(token), registration, version, deps.clock());
        return c.redirect(`${statusPath(token)}?diubah=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'CONFLICT')) throw error;
        if (error.code === 'CONFLICT') return page(c, token, { notice: error.message, status: 409 });
        return page(c, token, { attempt: { values: data, errors: error.fields }, status: 422 });
      }
    })
    .post('/:token/hapus', async (c) => {
      const token = c.req.param('token');
      const { data } = await readBody(c);
      if (data['confirm'] !== '1') return page(c, token, { notice: messages.removeConfirm, status: 422 });
      await removeAndAnnounce(deps, c, token);
      return c.redirect(`${statusPath(token)}?dihapus=1`, 303);
    });
}

const ownerNotices = {
  edited: 'Perubahan terkirim. Petugas akan memeriksanya; sampai disetujui, profil yang tayang tidak berubah.',
  removed: 'Listing sudah dihapus. Data usaha Anda tidak lagi disimpan; halaman profilnya sudah hilang dari situs.',
  emailed: 'Salinan tautan ini juga sudah dikirim ke email Anda. Periksa juga folder spam.',
};
