import { describe, expect, it } from 'vitest';
import { categoriesNamed, ftsMatch, ftsQuery, parseSearchQuery } from '../../src/core/search.ts';
import { AppError } from '../../src/core/errors.ts';

describe('keywords as an FTS5 expression', () => {
  it('requires every word whole, or with the last one as the start of a word', () => {
    expect(ftsMatch('batik cirebon')).toBe('"batik" AND "cirebon"');
    expect(ftsMatch('batik cirebon', { lastAsPrefix: true })).toBe('"batik" AND "cirebon"*');
    expect(ftsMatch('kerip', { lastAsPrefix: true })).toBe('"kerip"*');
    expect(ftsMatch('Kopi  KOPI susu', { lastAsPrefix: true })).toBe('"kopi" AND "susu"*');
    // A one-letter last word would match nearly everything: whole only.
    expect(ftsMatch('vitamin c', { lastAsPrefix: true })).toBe('"vitamin" AND "c"');
    const spec = parseSearchQuery(new URLSearchParams('q=kopi garut'));
    expect([spec.match, spec.prefixMatch]).toEqual(['"kopi" AND "garut"', '"kopi" AND "garut"*']);
  });

  it('keeps FTS syntax out: only letters and digits become words', () => {
    expect(ftsMatch('"a" OR b* NEAR(cc)', { lastAsPrefix: true })).toBe('"a" AND "or" AND "b" AND "near" AND "cc"*');
    expect(ftsMatch('— * ( ) "')).toBeUndefined();
    expect(ftsMatch('Dodol Garut Café')).toBe('"dodol" AND "garut" AND "cafe"');
  });
});

describe('the whole FTS5 query', () => {
  it('keeps a prefix to the text columns, so it never reaches the filter tokens, and filters through the tags column', () => {
    const spec = parseSearchQuery(new URLSearchParams('q=kopi ka&regency=32.73'));
    expect(ftsQuery(spec)).toBe('("kopi" AND "ka") AND tags : (kab3273)');
    expect(ftsQuery({ ...spec, match: spec.prefixMatch })).toBe('{name description products place category} : ("kopi" AND "ka"*) AND tags : (kab3273)');
    // A word shaped like a filter token is no filter either.
    for (const word of ['nibok', 'kab3273', 'katering', 'platinum']) {
      expect(ftsQuery(parseSearchQuery(new URLSearchParams({ q: word })))).toBe(`{name description products place category} : ("${word}")`);
    }
    expect(ftsQuery(parseSearchQuery(new URLSearchParams('category=kuliner')))).toBeUndefined();
  });
});

describe('search query strings', () => {
  it('leave the empty boxes of a GET form out, and refuse a parameter given twice, naming it', () => {
    expect(parseSearchQuery(new URLSearchParams('q=kopi&category=&regency=')).categories).toEqual([]);
    // Several categories: repeated (checkboxes) or comma-separated, unknown ones named.
    expect(parseSearchQuery(new URLSearchParams('category=kuliner&category=fesyen')).categories).toEqual(['kuliner', 'fesyen']);
    expect(parseSearchQuery(new URLSearchParams('category=kuliner,oleh-oleh,kuliner')).categories).toEqual(['kuliner', 'oleh-oleh']);
    expect(() => parseSearchQuery(new URLSearchParams('category=kuliner,sepatu'))).toThrow(AppError);
    try {
      parseSearchQuery(new URLSearchParams('regency=32.73&regency=32.04'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([{ path: 'regency', message: 'Parameter "regency" hanya boleh diisi sekali.' }]);
    }
  });
});

describe('words that only name categories', () => {
  it.each([
    ['makanan', ['kuliner', 'oleh-oleh']],
    ['Makanan minuman', ['kuliner']],
    ['pakaian', ['fesyen']],
    ['meubel', ['furnitur']],
    ['keripik makanan', []],
    ['makan', []],
    ['', []],
  ])('"%s" reads as %j', (q, slugs) => {
    expect(categoriesNamed(q)).toEqual(slugs);
  });
});
