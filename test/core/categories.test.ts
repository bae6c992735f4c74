import { describe, expect, it } from 'vitest';
import { categories } from '../../src/core/reference.ts';
import { searchWords } from '../../src/core/text.ts';
import { matchingCategories } from '../../src/lib/search-page.ts';

describe('everyday words of the categories', () => {
  it('are given for every category, written as the search index keeps words', () => {
    for (const c of categories) {
      expect(c.synonyms.length, c.slug).toBeGreaterThanOrEqual(3);
      for (const s of c.synonyms) expect(searchWords(s).join(' '), `${c.slug}: ${s}`).toBe(s);
    }
  });

  it('point a search to its categories, several when a word belongs to several', () => {
    expect(matchingCategories('makanan').map((c) => c.slug)).toEqual(['kuliner', 'oleh-oleh']);
    expect(matchingCategories('baju muslim').map((c) => c.slug)).toEqual(['fesyen']);
    expect(matchingCategories('meja makan').map((c) => c.slug)).toContain('furnitur');
    expect(matchingCategories('xyz')).toEqual([]);
  });
});
