import { Hono, type Context } from 'hono';
import { mentorConsentSchema } from '../../src/core/consent.ts';
import { AppError, type FieldError } from '../../src/core/errors.ts';
import { busyAsUnavailable, problemResponse } from '../problem.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { passwordChangeSchema, queueFilterSchema, signInSchema } from '../../src/core/staff.ts';
import { freeText } from '../../src/core/free-text.ts';
import { escapeHtml } from '../../src/core/text.ts';
import { hashToken, newToken } from '../../src/core/token.ts';
import { parseOrThrow, toFieldErrors } from '../../src/core/validation.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { approve, closeReport, reissueOwnerLink, getReviewItem, listOpenReports, listQueue, listRegisteredBy, reject, setJuara, verifyNib } from '../../db/queries/review.ts';
import { changePassword, closeSession, openSession, signIn } from '../../db/queries/staff.ts';
import type { StaffRole } from '../../db/schema.ts';
import { readBody, withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { adminNav, notice, renderAccount, renderSignIn } from '../html/admin-layout.ts';
import { renderReviewItem } from '../html/admin-listing.ts';
import { renderMentorForm, renderMyListings, renderRegistered } from '../html/admin-mentor.ts';
import { renderQueue, renderReports } from '../html/admin-queue.ts';
import { privateHtml, shellPage } from '../html/shell.ts';
import { renderStats, statsCsvHeader, statsRows } from '../html/admin-stats.ts';
import { digitalisationByRegency, publishedPerMonth } from '../../db/queries/stats.ts';
import { toCsv } from '../../src/core/csv.ts';
import { sendStatusLink } from '../email.ts';
import { announceChange, backgroundOf } from '../page-changes.ts';
import { listingPlace } from '../../db/queries/places.ts';
import { checkCsrfToken, checkOrigin, clearSessionCookie, requireStaff, sessionToken, setSessionCookie, staffSession, type AdminEnv, type StaffSession } from '../middleware/staff-session.ts';

type Status = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500;

const REVIEWERS: readonly StaffRole[] = ['reviewer'];
const ALL_STAFF: readonly StaffRole[] = ['reviewer', 'mentor'];

/** Where a role starts after signing in. */
const home = (role: StaffRole) => (role === 'reviewer' ? '/admin/antrean' : '/admin/binaan');

/** A `lanjut` target is only ever a path inside /admin, never another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/admin(\/[A-Za-z0-9/_?=&%.-]*)?$/.test(next) ? next : undefined);

const actorOf = (session: StaffSession) => `staf:${session.member.username}`;

const doneNotices: Record<string, string> = {
  setujui: 'Disetujui. Profilnya sudah tampil di situs dan di hasil pencarian.',
  tolak: 'Ditolak. Pemilik melihat alasannya di halaman status pribadinya.',
  nib: 'NIB ditandai terverifikasi.',
  juara: 'Tanda UMKM Juara diperbarui.',
  laporan: 'Laporan ditutup.',
};

/**
 * /admin: staff sign-in, the review queue, decisions on listings, problem reports, and the
 * mentors' registrations on an owner's behalf. Server-rendered pages and plain forms, so
 * they work without JavaScript; every write needs a same-origin request and the session's
 * CSRF token, and lands in the audit log with who and when.
 */
export function adminRoutes(deps: Required<AppDeps>) {
  const app = new Hono<AdminEnv>();

  const page = async (c: Context<AdminEnv>, title: string, main: string, status: Status = 200, current = '') => {
    const session = c.get('session');
    const url = new URL(new URL(c.req.url).pathname, deps.config.SITE_URL).toString();
    const body = `${session ? adminNav(session, current) : ''}<div class="admin">${main}</div>`;
    return privateHtml(c, await shellPage(deps, c.req.raw, { title, main: body, url }), status);
  };

  app.use('*', staffSession(deps));
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') checkOrigin(c, deps.config.SITE_URL);
    await next();
  });

  app.onError(async (error, c) => {
    error = busyAsUnavailable(error, c.req.raw, deps.log);
    // Staff pages answer people with pages; a client that did not ask for HTML gets problem+json.
    if (error instanceof AppError && error.code !== 'UNAUTHORIZED' && !(c.req.header('accept') ?? '').includes('text/html')) return problemResponse(c, error);
    if (!(error instanceof AppError)) {
      deps.log(`Unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}`, error);
      return page(c, 'Kesalahan', `<h1>Terjadi kesalahan</h1>${notice(messages.internal, 'error')}`, 500);
    }
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    if (error.code === 'UNAUTHORIZED') {
      const next = c.req.method === 'GET' ? safeNext(new URL(c.req.url).pathname + new URL(c.req.url).search) : undefined;
      if (c.req.method === 'GET') return c.redirect(`/admin/masuk${next ? `?lanjut=${encodeURIComponent(next)}` : ''}`, 303);
      return page(c, 'Masuk petugas', renderSignIn({ error: error.message }), 401);
    }
    const fields = error.fields.length > 0 ? `<ul>${error.fields.map((f) => `<li>${escapeHtml(f.path)}: ${escapeHtml(f.message)}</li>`).join('')}</ul>` : '';
    return page(c, 'Tidak dapat dilanjutkan', `<h1>Tidak dapat dilanjutkan</h1>${notice(error.message, 'error')}${fields}<p><a href="/admin">Kembali</a></p>`, error.status as Status);
  });

  /** A signed-in form post: the session with one of `roles`, the body, and the CSRF token checked. */
  const signedPost = async (c: Context<AdminEnv>, roles: readonly StaffRole[]) => {
    const session = requireStaff(c, roles);
    const { data } = await readBody(c);
    checkCsrfToken(session, data['csrf']);
    const { csrf: _csrf, ...rest } = data;
    return { session, data: rest };
  };

  const listingId = (c: Context) => {
    const raw = c.req.param('id') ?? '';
    if (!/^\d{1,10}$/.test(raw)) throw new AppError('NOT_FOUND', messages.msmeNotFound);
    return Number(raw);
  };

  const versionOf = (data: Record<string, unknown>) => {
    const raw = data['version'];
    if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new AppError('VALIDATION_FAILED', messages.version, { fields: [{ path: 'version', message: messages.version }] });
    return Number(raw);
  };

  const reviewPage = async (c: Context<AdminEnv>, id: number, options: { message?: string; error?: boolean; status?: Status } = {}) => {
    const session = requireStaff(c, REVIEWERS);
    const item = await getReviewItem(deps.db, id);
    if (!item) throw new AppError('NOT_FOUND', messages.msmeNotFound);
    return page(c, `Tinjau: ${item.listing.name}`, `${notice(options.message, options.error ? 'error' : 'ok')}${renderReviewItem(item, session)}`, options.status ?? 200);
  };

  /** Runs a reviewer's decision; a stale page or nothing to decide re-renders the listing with the reason. */
  const decide = (path: string, run: (id: number, version: number, data: Record<string, unknown>, session: StaffSession) => Promise<boolean>) =>
    app.post(`/umkm/:id/${path}`, async (c) => {
      const id = listingId(c);
      const { session, data } = await signedPost(c, REVIEWERS);
      try {
        const before = await listingPlace(deps.db, id);
        const published = await run(id, versionOf(data), data, session);
        if (published) await announceChange(deps, [before, await listingPlace(deps.db, id)], backgroundOf(c));
      } catch (error) {
        if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'VALIDATION_FAILED')) {
          const detail = error.fields.length > 0 ? error.fields.map((f) => f.message).join(' ') : error.message;
          return reviewPage(c, id, { message: detail, error: true, status: error.status as Status });
        }
        throw error;
      }
      return c.redirect(`/admin/umkm/${id}?selesai=${path}`, 303);
    });

  app.get('/', (c) => {
    const session = c.get('session');
    return c.redirect(session ? home(session.member.role) : '/admin/masuk', 303);
  });

  app.get('/masuk', (c) => {
    const session = c.get('session');
    if (session) return c.redirect(home(session.member.role), 303);
    return page(c, 'Masuk petugas', renderSignIn({ next: safeNext(c.req.query('lanjut')), info: c.req.query('keluar') === '1' ? messages.staff.signedOut : undefined }));
  });

  app.post('/masuk', async (c) => {
    const { data } = await readBody(c);
    const next = safeNext(data['lanjut']);
    const username = typeof data['username'] === 'string' ? data['username'] : '';
    const parsed = signInSchema.safeParse(data);
    if (!parsed.success) return page(c, 'Masuk petugas', renderSignIn({ next, username, error: messages.staff.badCredentials }), 422);
    try {
      const member = await signIn(deps.db, parsed.data.username, parsed.data.password, deps.clock());
      const session = await openSession(deps.db, member.id, deps.clock());
      setSessionCookie(c, session.token, session.expiresAt);
      return c.redirect(next ?? home(member.role), 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'UNAUTHORIZED' && error.code !== 'RATE_LIMITED')) throw error;
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return page(c, 'Masuk petugas', renderSignIn({ next, username, error: error.message }), error.status as Status);
    }
  });

  app.post('/keluar', async (c) => {
    await signedPost(c, ALL_STAFF);
    const token = sessionToken(c);
    if (token) await closeSession(deps.db, token);
    clearSessionCookie(c);
    // Staff pages seen on a shared office computer leave the browser's cache. Not "cookies":
    // that would sign the person out of every site under the province's domain; the session
    // cookie is deleted above, and the session itself is gone on the server.
    c.header('clear-site-data', '"cache"');
    return c.redirect('/admin/masuk?keluar=1', 303);
  });

  app.get('/antrean', async (c) => {
    requireStaff(c, REVIEWERS);
    const query = parseOrThrow(queueFilterSchema, c.req.query(), 'BAD_REQUEST');
    const filter = { kind: query.jenis || undefined, regencyCode: query.wilayah || undefined, q: query.q?.trim() || undefined, duplicatesOnly: query.duplikat === '1' };
    const items = await listQueue(deps.db, filter);
    return page(c, 'Antrean verifikasi', renderQueue(filter, items), 200, '/admin/antrean');
  });

  app.get('/laporan', async (c) => {
    requireStaff(c, REVIEWERS);
    return page(c, 'Laporan masalah', renderReports(await listOpenReports(deps.db)), 200, '/admin/laporan');
  });

  app.get('/umkm/:id', (c) => {
    const done = doneNotices[c.req.query('selesai') ?? ''];
    return reviewPage(c, listingId(c), done ? { message: done } : {});
  });

  const action = (session: StaffSession, id: number, version: number) => ({ id, version, actor: actorOf(session), now: deps.clock() });

  decide('setujui', async (id, version, _data, session) => {
    await approve(deps.db, action(session, id, version));
    return true;
  });
  decide('tolak', async (id, version, data, session) => {
    const reason = freeText(10, 500).safeParse(data['reason']);
    if (!reason.success) throw new AppError('VALIDATION_FAILED', messages.staff.rejectReason, { fields: toFieldErrors(reason.error).map((f) => ({ ...f, path: 'reason' })) });
    await reject(deps.db, { ...action(session, id, version), reason: reason.data });
    return false;
  });
  decide('nib', async (id, version, _data, session) => {
    await verifyNib(deps.db, action(session, id, version));
    return true;
  });
  decide('juara', async (id, version, data, session) => {
    if (data['juara'] !== '0' && data['juara'] !== '1') throw new AppError('VALIDATION_FAILED', messages.flag, { fields: [{ path: 'juara', message: messages.flag }] });
    await setJuara(deps.db, { ...action(session, id, version), juara: data['juara'] === '1' });
    return true;
  });

  app.post('/umkm/:id/tautan', async (c) => {
    const id = listingId(c);
    const { session, data } = await signedPost(c, REVIEWERS);
    const note = freeText(5, 300).safeParse(data['note']);
    if (!note.success) return reviewPage(c, id, { message: messages.staff.linkNote, error: true, status: 422 });
    const token = newToken();
    try {
      await reissueOwnerLink(deps.db, { ...action(session, id, versionOf(data)), statusTokenHash: await hashToken(token), note: note.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return reviewPage(c, id, { message: error.message, error: true, status: 409 });
      throw error;
    }
    const item = await getReviewItem(deps.db, id);
    return page(c, 'Tautan pribadi baru', renderRegistered(item?.listing.name ?? '', new URL(`/status/${token}`, deps.config.SITE_URL).toString(), true), 201);
  });

  app.post('/laporan/:rid/tutup', async (c) => {
    const { session, data } = await signedPost(c, REVIEWERS);
    const rid = c.req.param('rid');
    if (!/^\d{1,10}$/.test(rid)) throw new AppError('NOT_FOUND', messages.notFound);
    const note = freeText(5, 300).safeParse(data['note']);
    if (!note.success) throw new AppError('VALIDATION_FAILED', messages.staff.reportNote, { fields: [{ path: 'note', message: messages.staff.reportNote }] });
    await closeReport(deps.db, Number(rid), note.data, actorOf(session), deps.clock());
    return c.redirect('/admin/laporan', 303);
  });

  app.get('/akun', (c) => {
    const session = requireStaff(c, ALL_STAFF);
    const done = c.req.query('diganti') === '1' ? messages.staff.passwordChanged : undefined;
    return page(c, 'Akun saya', `${notice(done)}${renderAccount(session)}`, 200, '/admin/akun');
  });

  app.post('/akun', async (c) => {
    const { session, data } = await signedPost(c, ALL_STAFF);
    const parsed = passwordChangeSchema.safeParse(data);
    if (!parsed.success) return page(c, 'Akun saya', renderAccount(session, toFieldErrors(parsed.error)), 422, '/admin/akun');
    try {
      await changePassword(deps.db, session.member.id, parsed.data.current, parsed.data.password, sessionToken(c) ?? '');
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return page(c, 'Akun saya', renderAccount(session, error.fields), 422, '/admin/akun');
      throw error;
    }
    return c.redirect('/admin/akun?diganti=1', 303);
  });

  app.get('/statistik', async (c) => {
    requireStaff(c, ALL_STAFF);
    const format = c.req.query('format');
    if (format !== undefined && format !== 'csv') throw new AppError('BAD_REQUEST', messages.staff.statsFormat, { fields: [{ path: 'format', message: messages.staff.statsFormat }] });
    const now = deps.clock();
    const rows = statsRows(await digitalisationByRegency(deps.db, now));
    if (format === 'csv') {
      c.header('cache-control', 'no-store');
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="statistik-umkm-jabar-${now.toISOString().slice(0, 10)}.csv"`);
      return c.body(toCsv(statsCsvHeader, rows.map((r) => [r.code, r.name, r.published, r.onMarketplace, r.verified, r.juara, r.new30, r.pending])));
    }
    return page(c, 'Statistik digitalisasi', renderStats(rows, await publishedPerMonth(deps.db, now)), 200, '/admin/statistik');
  });

  app.get('/binaan', async (c) => {
    const session = requireStaff(c, ALL_STAFF);
    return page(c, 'UMKM yang saya daftarkan', renderMyListings(await listRegisteredBy(deps.db, session.member.id)), 200, '/admin/binaan');
  });

  app.get('/daftar', (c) => {
    const session = requireStaff(c, ALL_STAFF);
    return page(c, 'Daftarkan UMKM', renderMentorForm(session), 200, '/admin/daftar');
  });

  app.post('/daftar', async (c) => {
    const { session, data: sent } = await signedPost(c, ALL_STAFF);
    const { ownerName, consentMethod, ...registration } = withoutHoneypot(sent);
    const reg = registrationSchema.safeParse(registration);
    const consent = mentorConsentSchema.safeParse({ ownerName, consentMethod });
    if (!reg.success || !consent.success) {
      const errors: FieldError[] = [...(consent.success ? [] : toFieldErrors(consent.error)), ...(reg.success ? [] : toFieldErrors(reg.error))];
      return page(c, 'Perbaiki isian pendaftaran', renderMentorForm(session, sent, errors), 422, '/admin/daftar');
    }
    const now = deps.clock();
    const token = newToken();
    const statusUrl = new URL(`/status/${token}`, deps.config.SITE_URL).toString();
    await createListing(deps.db, reg.data, {
      now,
      statusTokenHash: await hashToken(token),
      actor: actorOf(session),
      verification: 'mentor',
      verifiedAt: now,
      registeredBy: session.member.id,
      consentRecord: { ownerName: consent.data.ownerName, method: consent.data.consentMethod, at: now.toISOString(), mentor: session.member.username },
    });
    const emailed = await sendStatusLink(deps, reg.data.email, reg.data.name, statusUrl);
    return page(c, 'Pendaftaran terkirim', renderRegistered(reg.data.name, statusUrl, false, emailed), 201);
  });

  return app;
}
