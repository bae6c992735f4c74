import { describe, expect, it } from 'vitest';
import { productMatches, productRows, surveyGroups, surveyLines } from '../../src/core/survey.ts';
import type { SupplierJson } from '../../src/core/supplier-schema.ts';

const supplier = (slug: string, verified: boolean, products: [string, number, string | null, string | null][]) =>
  ({ slug, nibVerifiedAt: verified ? '2026-10-01T00:00:00.000Z' : null, products: products.map(([name, priceMin, unit, priceConfirmedAt]) => ({ name, priceMin, priceMax: null, unit, priceConfirmedAt })) }) as unknown as SupplierJson;
const now = new Date('2026-11-01T00:00:00Z');

describe('the price survey', () => {
  it('matches product names by the forms of their words', () => {
    expect(productMatches('Kripik singkong pedas', ['keripik'])).toBe(true);
    expect(productMatches('Keripik cau tanduk', ['keripik', 'pisang'])).toBe(true);
    expect(productMatches('Kerupuk kulit', ['keripik'])).toBe(false);
    expect(productMatches('Apa saja', [])).toBe(false);
  });

  it('prices per kg, groups by unit with min / median / max, and counts verified, dated sources', () => {
    const lines = surveyLines(
      [
        supplier('a', true, [['Keripik singkong', 15000, '250 g', '2026-10-20T00:00:00.000Z'], ['Dodol', 30000, '500 g', null]]),
        supplier('b', true, [['Kripik pedas', 50000, '1 kg', '2026-01-01T00:00:00.000Z']]),
        supplier('c', false, [['Keripik pisang', 10000, '200 g', '2026-10-30T00:00:00.000Z'], ['Keripik porsi', 5000, 'porsi', null]]),
      ],
      'keripik',
      now,
    );
    expect(lines.map((l) => [l.id, l.unitPrice?.price, l.verified, l.dated])).toEqual([
      ['a.0', 60000, true, true],
      ['b.0', 50000, true, false],
      ['c.0', 50000, false, true],
      ['c.1', undefined, false, false],
    ]);
    const [kg] = surveyGroups(lines);
    expect(kg).toMatchObject({ base: 'kg', min: 50000, median: 50000, max: 60000, sound: 1 });
    expect(kg?.lines.map((l) => l.id)).toEqual(['b.0', 'c.0', 'a.0']);
  });

  it('lines up products of several suppliers by kind for the compare page', () => {
    const rows = productRows([{ products: [{ name: 'Keripik singkong' }, { name: 'Dodol garut' }] }, { products: [{ name: 'Kripik pedas' }] }]);
    expect(rows.map((r) => [r.label, r.cells.map((c) => c.map((p) => p.name))])).toEqual([
      ['Keripik', [['Keripik singkong'], ['Kripik pedas']]],
      ['Dodol', [['Dodol garut'], []]],
    ]);
  });
});
