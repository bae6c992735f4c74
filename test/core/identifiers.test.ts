import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseHalal, normaliseKbli, normaliseNib, normalisePirt } from '../../src/core/identifiers.ts';
import { formatPriceRange, formatRupiah, parseRupiah } from '../../src/core/rupiah.ts';
import { slugCandidate, slugify } from '../../src/core/slug.ts';
import { newToken, hashToken, isWellFormedToken } from '../../src/core/token.ts';
import { cleanText, escapeHtml, looksLikeMarkup } from '../../src/core/text.ts';

describe('identifiers', () => {
  it.each([
    [normaliseNib, '1234567890123', '1234567890123'],
    [normaliseNib, '1234 5678 9012 3', '1234567890123'],
    [normalisePirt, '2063273010234-27', '2063273010234-27'],
    [normalisePirt, '206327301023427', '2063273010234-27'],
    [normaliseHalal, 'id 3211 0000 1234 5', 'ID3211000012345'],
    [normaliseKbli, '10794', '10794'],
  ])('%o accepts %s', (fn, input, value) => {
    expect(fn(input)).toEqual({ ok: true, value });
  });
  it.each([
    [normaliseNib, '123456789012'],
    [normaliseNib, '12345678901234'],
    [normaliseNib, '123456789012a'],
    [normalisePirt, '2063273010234'],
    [normaliseHalal, '3211000012345'],
    [normaliseHalal, 'ID12'],
    [normaliseKbli, '1079'],
  ])('%o refuses %s', (fn, input) => {
    expect(fn(input)).toEqual({ ok: false });
  });
  it('never accepts a NIB that is not 13 digits', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = normaliseNib(s);
      if (r.ok) expect(r.value).toMatch(/^\d{13}$/);
    }));
  });
});

describe('rupiah', () => {
  it.each([
    [15000, 'Rp15.000'],
    [0, 'Rp0'],
    [1250000, 'Rp1.250.000'],
  ])('formats %d as %s', (n, text) => expect(formatRupiah(n)).toBe(text));
  it('formats ranges', () => {
    expect(formatPriceRange(15000, 25000)).toBe('Rp15.000 – Rp25.000');
    expect(formatPriceRange(15000, null)).toBe('Rp15.000');
    expect(formatPriceRange(15000, 15000)).toBe('Rp15.000');
  });
  it.each([
    ['15000', 15000],
    ['15.000', 15000],
    ['Rp 15.000', 15000],
    ['rp15.000', 15000],
    ['15rb', 15000],
    ['15 ribu', 15000],
    ['1,5 jt', 1500000],
    ['2 juta', 2000000],
    ['murah', null],
    ['15,5', null],
    ['-5000', null],
    ['1.50.000', null],
  ])('reads %j as %s', (text, value) => expect(parseRupiah(text)).toBe(value));
  it('reads back what it formats', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
      expect(parseRupiah(formatRupiah(n))).toBe(n);
    }));
  });
});

describe('slugs', () => {
  it.each([
    ['Keripik Tempe Bu Énok', 'keripik-tempe-bu-enok'],
    ['Batik & Tenun "Garut"', 'batik-dan-tenun-garut'],
    ['  ---  ', 'umkm'],
    ['漢字', 'umkm'],
  ])('%s -> %s', (name, slug) => expect(slugify(name)).toBe(slug));
  it('is always ASCII, short and URL-safe', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 9999 }), (name, n) => {
      const slug = slugCandidate(slugify(name), n);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(60);
    }));
  });
});

describe('tokens and text', () => {
  it('makes 256-bit tokens and stores only a hash', async () => {
    const a = newToken();
    expect(isWellFormedToken(a)).toBe(true);
    expect(a).not.toBe(newToken());
    expect(await hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashToken(a)).toBe(await hashToken(a));
  });
  it('escapes and cleans', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(cleanText('  Kopi\u200b   enak\r\n\r\n\r\n\r\nsekali ')).toBe('Kopi enak\n\nsekali');
    expect(looksLikeMarkup('harga < 10rb')).toBe(true);
    expect(looksLikeMarkup('Kopi & teh')).toBe(false);
  });
});
