import { describe, expect, it } from 'vitest';
import { freshApp, formPost } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';

// The owner's preview before sending, as a phone without JavaScript uses it.
const { app, db } = await freshApp();

const filled = {
  name: 'Bandrek Abah Uci',
  description: 'Bandrek jahe merah dan gula aren, diseduh hangat, tanpa pengawet.',
  category: 'kuliner',
  regencyCode: '32.73',
  districtCode: '32.73.01',
  whatsapp: '0812 3333 4444',
  'storeLinks.0': 'https://shopee.co.id/bandrekabahuci',
  'products.0.name': 'Bandrek jahe merah',
  'products.0.unit': 'isi 10 sachet',
  'products.0.priceMin': '25.000',
  openingHours: 'Setiap hari 08.00-21.00',
  bulkOrders: 'true',
};

describe('the preview before sending', () => {
  it('shows the profile as it would look, carries every field on, and sends it with the consent ticked there', async () => {
    const res = await app.request('/daftar/pratinjau/', formPost(app, filled));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Pratinjau profil usaha Anda');
    // One h1 on the page (the preview's); the profile's name as it would head the profile.
    expect(page.match(/<h1/g)).toHaveLength(1);
    expect(page).toContain('<h2 class="profile-name">Bandrek Abah Uci</h2>');
    expect(page).toMatch(/Shopee/);
    expect(page).toContain('<dt>Jam buka</dt><dd>Setiap hari 08.00-21.00</dd>');
    expect(page).toContain('name="robots" content="noindex"');
    const hidden = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
    expect(hidden).toMatchObject({ name: 'Bandrek Abah Uci', 'storeLinks.0': 'https://shopee.co.id/bandrekabahuci', 'products.0.priceMin': '25.000', bulkOrders: 'true' });
    expect(await db.select().from(msmes)).toEqual([]);

    // Sent from the preview, consent ticked there.
    const sent = await app.request('/daftar/kirim/', formPost(app, { ...hidden, consent: 'true' }));
    expect(sent.status).toBe(303);
    const [row] = await db.select().from(msmes);
    expect(row).toMatchObject({ name: 'Bandrek Abah Uci', openingHours: 'Setiap hari 08.00-21.00', bulkOrders: true, status: 'pending' });

    // "Ubah lagi" is the form with every value kept.
    const back = await app.request('/daftar/pratinjau/?ubah=1', formPost(app, hidden));
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('value="Bandrek Abah Uci"');
  });

  it('answers mistakes on the form beside their fields (422), without asking for consent yet', async () => {
    const res = await app.request('/daftar/pratinjau/', formPost(app, { ...filled, name: 'B', whatsapp: '021 123' }));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Isi nama usaha, minimal 3 huruf.');
    expect(page).toMatch(/id="f-whatsapp-error"[^>]*>Nomor WhatsApp: /);
    expect(page).not.toMatch(/id="f-consent-error"[^>]*>Centang/);
  });
});
