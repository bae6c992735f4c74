import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshApp, json, onEdge, validRegistration } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';

/**
 * Cloudflare's documented Turnstile test secrets: one always passes, one always fails.
 * Siteverify is outside our walls and this machine has no internet, so the one thing
 * replaced here is that HTTP call: a stand-in that answers for those two secrets as
 * Cloudflare documents. Everything of ours runs for real.
 */
const ALWAYS_PASSES = '1x0000000000000000000000000000000AA';
const ALWAYS_FAILS = '2x0000000000000000000000000000000AA';
const SITE_KEY = '1x00000000000000000000AA';
const calls: { url: string; body: URLSearchParams }[] = [];
let reachable = true;

const siteverify: typeof fetch = async (input, init) => {
  const url = String(input);
  const body = new URLSearchParams(String(init?.body));
  calls.push({ url, body });
  if (!reachable) throw new TypeError('fetch failed');
  const ok = body.get('secret') === ALWAYS_PASSES && body.get('response') !== '';
  return Response.json(ok ? { success: true } : { success: false, 'error-codes': ['invalid-input-response'] });
};

describe.skipIf(onEdge)('Turnstile on registrations', () => {
  it('accepts a registration whose token Siteverify confirms, and sends the secret and token to it', async () => {
    const { app, db } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_PASSES, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    const res = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Tahu Susu Lembang' }), 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }));
    expect(res.status).toBe(201);
    expect(calls.at(-1)?.url).toBe('https://challenges.cloudflare.com/turnstile/v0/siteverify');
    expect(calls.at(-1)?.body.get('secret')).toBe(ALWAYS_PASSES);
    expect(calls.at(-1)?.body.get('response')).toBe('XXXX.DUMMY.TOKEN.XXXX');
    expect(await db.select().from(msmes).where(eq(msmes.name, 'Tahu Susu Lembang'))).toHaveLength(1);
  });

  it('refuses a missing token and a token Siteverify rejects, naming the field, and stores nothing', async () => {
    const { app: passing } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_PASSES, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    const missing = await passing.request('/api/registrations', json(validRegistration({ name: 'Tanpa Token' })));
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: 'cf-turnstile-response' })]);

    const { app, db } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_FAILS, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    const failed = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Token Ditolak' }), 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }));
    expect(failed.status).toBe(422);
    const body = (await failed.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors[0]?.message).toContain('Selesaikan pemeriksaan keamanan');
    expect(await db.select().from(msmes)).toHaveLength(0);
  });

  it('does not spend a token on a form that fails validation anyway', async () => {
    const { app } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_PASSES, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    const before = calls.length;
    const res = await app.request('/api/registrations', json({ ...validRegistration({ name: 'x' }), 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }));
    expect(res.status).toBe(422);
    expect(calls.length).toBe(before);
  });

  it('fails closed when Siteverify cannot be reached', async () => {
    const { app, db } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_PASSES, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    reachable = false;
    const res = await app.request('/api/registrations', json({ ...validRegistration({ name: 'Saat Putus' }), 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }));
    reachable = true;
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('tidak dapat dihubungi');
    expect(await db.select().from(msmes)).toHaveLength(0);
  });

  it('shows the widget again, with the error beside it and Turnstile allowed by the CSP, to a form sent without JavaScript', async () => {
    const { app } = await freshApp({ services: { config: { TURNSTILE_SECRET_KEY: ALWAYS_FAILS, TURNSTILE_SITE_KEY: SITE_KEY }, fetch: siteverify } });
    const fields = validRegistration({ name: 'Form Tanpa JS' });
    const form = new URLSearchParams({
      name: fields.name,
      description: fields.description,
      category: fields.category,
      regencyCode: fields.regencyCode,
      districtCode: fields.districtCode,
      whatsapp: String(fields.whatsapp),
      'storeLinks.0': 'https://www.tokopedia.com/formtanpajs',
      consent: 'true',
      'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX',
    });
    const res = await app.request('/daftar/kirim/', { method: 'POST', body: form, headers: { accept: 'text/html' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`data-sitekey="${SITE_KEY}"`);
    expect(html).toMatch(/id="f-cf-turnstile-response-error" role="status">Selesaikan pemeriksaan keamanan/);
    expect(html).toContain('value="Form Tanpa JS"');
    expect(res.headers.get('content-security-policy')).toContain('frame-src https://challenges.cloudflare.com');
  });

  it('is off when no secret is configured: no Siteverify call, no token needed', async () => {
    const { app } = await freshApp();
    const before = calls.length;
    expect((await app.request('/api/registrations', json(validRegistration({ name: 'Tanpa Turnstile' })))).status).toBe(201);
    expect(calls.length).toBe(before);
  });
});
