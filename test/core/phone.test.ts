import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPhoneLocal, normalisePhone, whatsappLink } from '../../src/core/phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['081234567890', '+6281234567890'],
    ['62812.3456.7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 (812) 3456 7890', '+6281234567890'],
    ['  0857 1234 567 ', '+628571234567'],
    ['0895123456789', '+62895123456789'],
  ])('reads %s as %s', (input, e164) => {
    expect(normalisePhone(input)).toMatchObject({ ok: true, e164, digits: e164.slice(1) });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0812abc', 'characters'],
    ['<script>', 'characters'],
    ['022-7654321', 'not_mobile'],
    ['+1 415 555 0100', 'not_mobile'],
    ['0804 1234 5678', 'not_mobile'],
    ['0812', 'length'],
    ['0812 3456 7890 1234', 'length'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it('gives the same E.164 for every way of writing one number', () => {
    fc.assert(
      fc.property(fc.constantFrom('811', '812', '857', '878', '895'), fc.stringMatching(/^\d{7,8}$/), fc.constantFrom('0', '62', '+62', '+62 '), fc.constantFrom('', ' ', '-', '.'), (prefix, rest, lead, sep) => {
        const written = `${lead}${prefix}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`;
        const result = normalisePhone(written);
        expect(result).toEqual({ ok: true, e164: `+62${prefix}${rest}`, digits: `62${prefix}${rest}` });
      }),
    );
  });

  it('never accepts anything that is not a valid mobile number', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = normalisePhone(input);
        if (result.ok) expect(result.e164).toMatch(/^\+628[1-35-9]\d{7,10}$/);
      }),
    );
  });
});

describe('whatsapp links', () => {
  it('uses digits only and encodes the message', () => {
    expect(whatsappLink('+6281234567890')).toBe('https://wa.me/6281234567890');
    expect(whatsappLink('+6281234567890', 'Halo & salam?')).toBe('https://wa.me/6281234567890?text=Halo%20%26%20salam%3F');
  });
  it('formats for reading', () => {
    expect(formatPhoneLocal('+6281234567890')).toBe('0812-3456-7890');
  });
});
