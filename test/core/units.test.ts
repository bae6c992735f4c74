import { describe, expect, it } from 'vitest';
import { parseQuantity, perUnit, unitInName } from '../../src/core/units.ts';

describe('quantities owners write', () => {
  it.each([
    ['250 g', { amount: 0.25, base: 'kg' }],
    ['1 kg', { amount: 1, base: 'kg' }],
    ['1,5 kg', { amount: 1.5, base: 'kg' }],
    ['500 ml', { amount: 0.5, base: 'liter' }],
    ['2 liter', { amount: 2, base: 'liter' }],
    ['isi 10', { amount: 10, base: 'pcs' }],
    ['isi 10 sachet', { amount: 10, base: 'pcs' }],
    ['100 pcs', { amount: 100, base: 'pcs' }],
    ['per kg', { amount: 1, base: 'kg' }],
    ['2 ons', { amount: 0.2, base: 'kg' }],
  ])('%s', (text, q) => {
    const got = parseQuantity(text)!;
    expect(got.base).toBe(q.base);
    expect(got.amount).toBeCloseTo(q.amount);
  });
  it.each(['porsi', 'sesisir', 'set', '', '0 g', 'per malam', '12 kardus'])('leaves "%s" as written', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
  it('prices per base unit, and finds the pack in a name', () => {
    expect(perUnit(15000, parseQuantity('250 g')!)).toBe(60000);
    expect(unitInName('Keripik singkong balado 250 g')).toBe('250 g');
    expect(unitInName('Cireng isi ayam frozen isi 10')).toBe('isi 10');
    expect(unitInName('Bandrek instan isi 10 sachet')).toBe('isi 10 sachet');
    expect(unitInName('Nasi liwet komplit porsi')).toBeUndefined();
  });
});
