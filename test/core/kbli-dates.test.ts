import { describe, expect, it } from 'vitest';
import { kbliLabel, kbliSection } from '../../src/core/kbli.ts';
import { isoWib } from '../../src/core/dates.ts';

describe('KBLI codes with their titles', () => {
  it.each([
    ['10794', '2020', '10794 Industri Kerupuk, Keripik, Peyek dan Sejenisnya'],
    ['56102', '2020', '56102 Rumah/Warung Makan'],
    ['96111', '2020', '96111 (kategori S: Aktivitas Jasa Lainnya)'],
    ['01130', '2020', '01130 (kategori A: Pertanian, Kehutanan dan Perikanan)'],
    ['10794', '2025', '10794 (kategori C: Industri)'],
    ['00000', '2020', '00000'],
  ])('%s (KBLI %s) reads "%s"', (code, edition, label) => {
    expect(kbliLabel(code, edition)).toBe(label);
  });
  it('finds the category by the division range', () => {
    expect(kbliSection('47912')?.code).toBe('G');
    expect(kbliSection('99000')?.code).toBe('U');
  });
});

describe('dates on the WIB clock', () => {
  it('writes ISO 8601 with +07:00, the next day after 17:00 UTC', () => {
    expect(isoWib(new Date('2026-11-01T00:00:00Z'))).toBe('2026-11-01T07:00:00+07:00');
    expect(isoWib(new Date('2026-10-31T18:30:05Z'))).toBe('2026-11-01T01:30:05+07:00');
  });
});
