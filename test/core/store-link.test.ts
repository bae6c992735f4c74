import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseProductLink, normaliseStoreLink } from '../../src/core/store-link.ts';

describe('normaliseStoreLink', () => {
  it.each([
    ['https://www.tokopedia.com/keripikbuenok', 'tokopedia', 'https://www.tokopedia.com/keripikbuenok'],
    ['https://tokopedia.com/keripikbuenok/?utm_source=wa&utm_medium=share', 'tokopedia', 'https://www.tokopedia.com/keripikbuenok'],
    ['tokopedia.com/keripikbuenok', 'tokopedia', 'https://www.tokopedia.com/keripikbuenok'],
    ['  HTTPS://WWW.TOKOPEDIA.COM/KeripikBuEnok  ', 'tokopedia', 'https://www.tokopedia.com/KeripikBuEnok'],
    ['https://tokopedia.link/Y6qFbQj7mKb', 'tokopedia', 'https://tokopedia.link/Y6qFbQj7mKb'],
    ['https://tk.tokopedia.com/ZS9rVv7sr/', 'tokopedia', 'https://tk.tokopedia.com/ZS9rVv7sr'],
    ['https://shopee.co.id/bani.batuta?spm=abc', 'shopee', 'https://shopee.co.id/bani.batuta'],
    ['https://shopee.co.id/shop/1252488041', 'shopee', 'https://shopee.co.id/shop/1252488041'],
    ['https://id.shp.ee/6qB9Gqh', 'shopee', 'https://id.shp.ee/6qB9Gqh'],
    ['https://s.shopee.co.id/9Kf8dWRnV1', 'shopee', 'https://s.shopee.co.id/9Kf8dWRnV1'],
    ['https://shopee.co.id/universal-link/now-food/shop/123456', 'shopeefood', 'https://shopee.co.id/universal-link/now-food/shop/123456'],
    ['https://www.tiktok.com/@keripik.enok?is_from_webapp=1', 'tiktok', 'https://www.tiktok.com/@keripik.enok'],
    ['https://www.lazada.co.id/shop/elleano-id/?spm=a2o4j', 'lazada', 'https://www.lazada.co.id/shop/elleano-id'],
    ['https://www.blibli.com/merchant/rabbani-official-store/RAO-60047', 'blibli', 'https://www.blibli.com/merchant/rabbani-official-store/RAO-60047'],
    ['https://gofood.co.id/bandung/restaurant/warung-enok-0feaa2d9-67a3-4be2-a53e-bc7472f72020', 'gofood', 'https://gofood.co.id/bandung/restaurant/warung-enok-0feaa2d9-67a3-4be2-a53e-bc7472f72020'],
    ['https://gofood.link/a/NnJ5nLC', 'gofood', 'https://gofood.link/a/NnJ5nLC'],
    ['https://food.grab.com/id/id/restaurant/warung-enok-delivery/6-C7DWTPLDGCEZCN', 'grabfood', 'https://food.grab.com/id/id/restaurant/warung-enok-delivery/6-C7DWTPLDGCEZCN'],
    ['https://instagram.com/thago.id?igsh=MWx2', 'instagram', 'https://www.instagram.com/thago.id'],
    ['https://m.facebook.com/profile.php?id=1000123&ref=share', 'facebook', 'https://www.facebook.com/profile.php?id=1000123'],
    ['https://www.bukalapak.com/u/elektronmart', 'bukalapak', 'https://www.bukalapak.com/u/elektronmart'],
  ])('accepts %s as %s', (input, platform, url) => {
    expect(normaliseStoreLink(input)).toMatchObject({ ok: true, platform, url });
  });

  it.each([
    ['', 'empty'],
    ['javascript:alert(1)', 'not_https'],
    ['data:text/html,hi', 'not_https'],
    ['http://www.tokopedia.com/toko', 'not_https'],
    ['ftp://tokopedia.com/toko', 'not_https'],
    ['https://user:pw@tokopedia.com/toko', 'credentials'],
    ['https://tokopedia.com:8443/toko', 'port'],
    ['https://tokopedia.com.evil.id/toko', 'unknown_host'],
    ['https://faketokopedia.com/toko', 'unknown_host'],
    ['https://example.com/tokopedia.com/toko', 'unknown_host'],
    ['https://www.tokopedia.com/search?q=keripik', 'not_shop_page'],
    ['https://www.tokopedia.com/', 'not_shop_page'],
    ['https://www.tokopedia.com/toko/produk-keripik', 'not_shop_page'],
    ['https://www.instagram.com/p/Cx123/', 'not_shop_page'],
    ['https://tokopedia.link/', 'not_shop_page'],
    ['https://', 'not_url'],
    [`https://www.tokopedia.com/${'a'.repeat(600)}`, 'too_long'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normaliseStoreLink(input)).toEqual({ ok: false, reason });
  });

  it('only ever returns https URLs on a known host, without tracking parameters', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (input) => {
        const result = normaliseStoreLink(input);
        if (!result.ok) return;
        const url = new URL(result.url);
        expect(url.protocol).toBe('https:');
        expect(url.hash).toBe('');
        expect([...url.searchParams.keys()].every((k) => k === 'id')).toBe(true);
      }),
    );
  });

  it('is idempotent: a canonical link normalises to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-]{2,20}$/), fc.constantFrom('tokopedia.com/', 'shopee.co.id/', 'www.lazada.co.id/shop/', 'www.tiktok.com/@'), (handle, prefix) => {
        const first = normaliseStoreLink(`https://${prefix}${handle}`);
        if (!first.ok) return;
        expect(normaliseStoreLink(first.url)).toEqual(first);
      }),
    );
  });
});

describe('a product link', () => {
  it('takes a product page of a known platform, https, without tracking', () => {
    expect(normaliseProductLink('https://www.tokopedia.com/keripikenok/keripik-tempe-250g?extParam=ivf%3Dfalse&src=topads')).toEqual({ ok: true, platform: 'tokopedia', url: 'https://www.tokopedia.com/keripikenok/keripik-tempe-250g' });
    expect(normaliseProductLink('shopee.co.id/Keripik-Tempe-i.12345.67890')).toMatchObject({ ok: true, platform: 'shopee', url: 'https://shopee.co.id/Keripik-Tempe-i.12345.67890' });
    expect(normaliseProductLink('https://tokopedia.link/AbCdEf')).toMatchObject({ ok: true, url: 'https://tokopedia.link/AbCdEf' });
  });

  it('refuses what is not one: another site, a front page, http, credentials', () => {
    expect(normaliseProductLink('https://evil.example/produk')).toEqual({ ok: false, reason: 'unknown_host' });
    expect(normaliseProductLink('https://www.tokopedia.com/')).toEqual({ ok: false, reason: 'not_product_page' });
    expect(normaliseProductLink('http://www.tokopedia.com/toko/produk')).toEqual({ ok: false, reason: 'not_https' });
    expect(normaliseProductLink('javascript:alert(1)')).toEqual({ ok: false, reason: 'not_https' });
    expect(normaliseProductLink('https://a:b@www.tokopedia.com/toko/produk')).toEqual({ ok: false, reason: 'credentials' });
  });
});
