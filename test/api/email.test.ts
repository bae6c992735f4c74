import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshApp, json, onEdge, validRegistration } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';

/**
 * Cloudflare Email Service is outside our walls and this machine has no internet, so its
 * REST endpoint is the one thing replaced here: a stand-in that records each request and
 * answers with Cloudflare's envelope. Everything of ours runs for real.
 */
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const config = { EMAIL_FROM: 'tautan@etalase.jabarprov.go.id', CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_EMAIL_TOKEN: 'token-kirim-email' };
const sent: { url: string; auth: string | null; body: { to: string; from: { address: string }; subject: string; text: string } }[] = [];
let answer: () => Response = () => Response.json({ success: true, errors: [], messages: [], result: { delivered: ['x'] } });
const emailApi: typeof fetch = async (input, init) => {
  sent.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) });
  return answer();
};

describe.skipIf(onEdge)('the owner\'s email copy of the private link', () => {
  it('is sent through Cloudflare Email Service when an address is given, with the link and plain instructions', async () => {
    const { app } = await freshApp({ services: { config, fetch: emailApi } });
    const res = await app.request('/api/registrations', json(validRegistration({ name: 'Kerupuk Melarat Bu Tini', email: 'bu.tini@contoh.id' })));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { statusUrl: string; emailed: boolean };
    expect(body.emailed).toBe(true);
    const mail = sent.at(-1)!;
    expect(mail.url).toBe(`https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/email/sending/send`);
    expect(mail.auth).toBe('Bearer token-kirim-email');
    expect(mail.body.to).toBe('bu.tini@contoh.id');
    expect(mail.body.from.address).toBe('tautan@etalase.jabarprov.go.id');
    expect(mail.body.subject).toContain('Kerupuk Melarat Bu Tini');
    expect(mail.body.text).toContain(body.statusUrl);
    expect(mail.body.text).toContain('Jangan bagikan tautan ini');
  });

  it('tells a no-JavaScript owner on the status page that the copy went out', async () => {
    const { app } = await freshApp({ services: { config, fetch: emailApi } });
    const reg = validRegistration({ name: 'Opak Ketan Ceu Lilis', email: 'lilis@contoh.id' });
    const form = new URLSearchParams({
      name: reg.name,
      description: reg.description,
      category: reg.category,
      regencyCode: reg.regencyCode,
      districtCode: reg.districtCode,
      whatsapp: String(reg.whatsapp),
      'storeLinks.0': 'https://shopee.co.id/opakketanlilis',
      email: 'lilis@contoh.id',
      consent: 'true',
    });
    const res = await app.request('/daftar/kirim/', { method: 'POST', body: form, headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/\?baru=1&email=1$/);
    expect(await (await app.request(location)).text()).toContain('Salinan tautan ini juga sudah dikirim ke email Anda.');
  });

  it('keeps the registration when the service refuses, says it was not emailed, and logs why', async () => {
    const logged: string[] = [];
    const { app, db } = await freshApp({ services: { config, fetch: emailApi }, log: (message) => logged.push(message) });
    answer = () => Response.json({ success: false, errors: [{ code: 10001, message: 'sending domain not onboarded' }] }, { status: 400 });
    const res = await app.request('/api/registrations', json(validRegistration({ name: 'Sale Pisang Gagal Email', email: 'gagal@contoh.id' })));
    answer = () => Response.json({ success: true, errors: [], messages: [], result: {} });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { emailed: boolean }).emailed).toBe(false);
    expect(await db.select().from(msmes).where(eq(msmes.name, 'Sale Pisang Gagal Email'))).toHaveLength(1);
    expect(logged).toEqual(['Salinan tautan status tidak terkirim lewat email']);
  });

  it('sends nothing without an address, or without the service configured', async () => {
    const { app } = await freshApp({ services: { config, fetch: emailApi } });
    const before = sent.length;
    const { email: _none, ...withoutEmail } = validRegistration({ name: 'Tanpa Email Sama Sekali' });
    expect(((await (await app.request('/api/registrations', json(withoutEmail))).json()) as { emailed: boolean }).emailed).toBe(false);
    const { app: plain } = await freshApp();
    expect(((await (await plain.request('/api/registrations', json(validRegistration({ name: 'Email Belum Aktif', email: 'x@contoh.id' })))).json()) as { emailed: boolean }).emailed).toBe(false);
    expect(sent.length).toBe(before);
  });
});
