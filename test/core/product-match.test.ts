import { describe, expect, it } from 'vitest';
import { productMatcher } from '../../src/core/product-match.ts';

const productMatches = (product: { name: string; unit?: string }, query: string) => productMatcher(query)(product);

describe('a product answering a search', () => {
  it('matches when every word begins a word of its name or pack, in any spelling the index knows', () => {
    expect(productMatches({ name: 'Keripik singkong pedas', unit: '250 g' }, 'keripik pedas')).toBe(true);
    expect(productMatches({ name: 'Keripik singkong pedas' }, 'kerip')).toBe(true);
    expect(productMatches({ name: 'Kopi bubuk robusta', unit: '250 g' }, 'kopi 250')).toBe(true);
    expect(productMatches({ name: 'Batik tulis Garut' }, 'BATIK garut')).toBe(true);
  });

  it('does not match a product missing any word, or an empty query', () => {
    expect(productMatches({ name: 'Kopi bubuk robusta' }, 'keripik')).toBe(false);
    expect(productMatches({ name: 'Keripik singkong' }, 'keripik pedas')).toBe(false);
    expect(productMatches({ name: 'Keripik singkong' }, '  ')).toBe(false);
  });
});
