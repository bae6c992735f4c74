import { describe, expect, it } from 'vitest';
import { ftsMatch, parseSearchQuery } from '../../src/core/search.ts';
import { AppError } from '../../src/core/errors.ts';

describe('keywords as an FTS5 expression', () => {
  it('requires every word whole, and lets the last one be the start of a word', () => {
    expect(ftsMatch('batik cirebon')).toBe('"batik" AND "cirebon"*');
    expect(ftsMatch('kerip')).toBe('"kerip"*');
    expect(ftsMatch('Kopi  KOPI susu')).toBe('"kopi" AND "susu"*');
    // A one-letter last word would match nearly everything: whole only.
    expect(ftsMatch('vitamin c')).toBe('"vitamin" AND "c"');
  });

  it('keeps FTS syntax out: only letters and digits become words', () => {
    expect(ftsMatch('"a" OR b* NEAR(cc)')).toBe('"a" AND "or" AND "b" AND "near" AND "cc"*');
    expect(ftsMatch('— * ( ) "')).toBeUndefined();
    expect(ftsMatch('Dodol Garut Café')).toBe('"dodol" AND "garut" AND "cafe"*');
  });
});

describe('search query strings', () => {
  it('leave the empty boxes of a GET form out, and refuse a parameter given twice, naming it', () => {
    expect(parseSearchQuery(new URLSearchParams('q=kopi&category=&regency=')).category).toBeUndefined();
    try {
      parseSearchQuery(new URLSearchParams('category=kuliner&category=fesyen'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([{ path: 'category', message: 'Parameter "category" hanya boleh diisi sekali.' }]);
    }
  });
});
