import { describe, expect, it } from 'vitest';
import { normaliseMapLink } from '../../src/core/map-link.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { validRegistration } from '../helpers.ts';

describe('a map link', () => {
  it('takes Google Maps and OpenStreetMap links as they are copied, always https', () => {
    for (const [raw, url] of [
      ['https://maps.app.goo.gl/Ab3dEf9GhJ', 'https://maps.app.goo.gl/Ab3dEf9GhJ'],
      ['maps.app.goo.gl/Ab3dEf9GhJ', 'https://maps.app.goo.gl/Ab3dEf9GhJ'],
      ['https://www.google.com/maps/place/Keripik+Bu+Enok/@-6.9,107.6,17z', 'https://www.google.com/maps/place/Keripik+Bu+Enok/@-6.9,107.6,17z'],
      ['http://goo.gl/maps/xyz123', 'https://goo.gl/maps/xyz123'],
      ['https://www.openstreetmap.org/node/123456#map=19/-6.9/107.6', 'https://www.openstreetmap.org/node/123456#map=19/-6.9/107.6'],
    ] as const) {
      expect(normaliseMapLink(raw)).toEqual({ ok: true, url });
    }
  });

  it('makes a point the owner set into an OpenStreetMap link, in the way Indonesian phones write it too', () => {
    const link = 'https://www.openstreetmap.org/?mlat=-6.91750&mlon=107.61910#map=17/-6.91750/107.61910';
    expect(normaliseMapLink('-6.9175, 107.6191')).toEqual({ ok: true, url: link });
    expect(normaliseMapLink('-6.9175,107.6191')).toEqual({ ok: true, url: link });
    expect(normaliseMapLink(' -6,9175; 107,6191 ')).toEqual({ ok: true, url: link });
  });

  it('refuses points outside West Java (swapped or unsigned) and anything that is not a map', () => {
    expect(normaliseMapLink('107.6191, -6.9175')).toEqual({ ok: false, reason: 'outside' });
    expect(normaliseMapLink('6.9175, 107.6191')).toEqual({ ok: false, reason: 'outside' });
    for (const raw of ['https://www.google.com/search?q=keripik', 'https://goo.gl/abc', 'https://evil.example/maps', 'javascript:alert(1)', 'https://user:pw@www.google.com/maps', 'https://www.google.com:8443/maps', 'Jl. Merdeka 1', '']) {
      expect(normaliseMapLink(raw), raw).toEqual({ ok: false, reason: 'not-map' });
    }
  });
});

describe('the shop details of a registration', () => {
  it('are stored cleaned, with tick boxes as true or false', () => {
    const reg = registrationSchema.parse({ ...validRegistration(), openingHours: '  Senin-Sabtu  08.00-17.00 ', madeToOrder: 'on', deliveryArea: 'Kota Bandung', minOrder: '10 bungkus', bulkOrders: '1', mapUrl: '-6.9175, 107.6191' });
    expect(reg).toMatchObject({ openingHours: 'Senin-Sabtu 08.00-17.00', madeToOrder: true, deliveryArea: 'Kota Bandung', minOrder: '10 bungkus', bulkOrders: true, mapUrl: expect.stringMatching(/^https:\/\/www\.openstreetmap\.org\//) });
    expect(registrationSchema.parse(validRegistration())).toMatchObject({ madeToOrder: false, bulkOrders: false });
  });

  it('name their field in every message, all in the first round', () => {
    const result = registrationSchema.safeParse({ ...validRegistration(), openingHours: 'x'.repeat(101), deliveryArea: '<b>semua</b>', minOrder: 'y'.repeat(61), mapUrl: 'https://evil.example', madeToOrder: 'mungkin', products: Array.from({ length: 25 }, () => ({ name: 'Keripik', priceMin: '1000' })) });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['openingHours']).toMatch(/^Jam buka: /);
    expect(messages['deliveryArea']).toMatch(/^Area pengiriman: /);
    expect(messages['minOrder']).toMatch(/^Minimal pesanan: /);
    expect(messages['mapUrl']).toMatch(/^Tautan peta: /);
    expect(messages['madeToOrder']).toMatch(/kotak/);
    expect(messages['products']).toMatch(/24 produk/);
  });
});
