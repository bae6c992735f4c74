import { describe, expect, it } from 'vitest';
import { indexedText, wordForm } from '../../src/core/word-forms.ts';
import { ftsMatch } from '../../src/core/search.ts';
import wordsJson from '../../content/search-words.json' with { type: 'json' };

describe('wordForm: the words people type meet the words listings are written in', () => {
  it.each([
    ['kripik', 'keripik'],
    ['keripiknya', 'keripik'],
    ['krupuk', 'kerupuk'],
    ['kurupuk', 'kerupuk'],
    ['baso', 'bakso'],
    ['surabi', 'serabi'],
    ['cau', 'pisang'],
    ['sampeu', 'singkong'],
    ['endog', 'telur'],
    ['telor', 'telur'],
    ['pedes', 'pedas'],
    ['oleh2', 'oleh'],
    ['cemilan', 'camilan'],
    ['meubel', 'mebel'],
    ['jahitan', 'menjahit'],
    ['sayuran', 'sayur'],
  ])('%s and %s have one form', (a, b) => {
    expect(wordForm(a)).toBe(wordForm(b));
  });

  it.each([
    ['makanan', 'makan'],
    ['pakaian', 'pakai'],
    ['kerajinan', 'rajin'],
    ['kelontong', 'lontong'],
    ['kuningan', 'kuning'],
    ['cimahi', 'cimah'],
  ])('%s stays apart from %s (a different meaning, or a place)', (a, b) => {
    expect(wordForm(a)).not.toBe(wordForm(b));
    expect(wordForm(a)).toBe(a);
  });

  it('keeps words with digits and short words as they are', () => {
    expect(wordForm('10794')).toBe('10794');
    expect(wordForm('250g')).toBe('250g');
    expect(wordForm('teh')).toBe('teh');
  });

  it('gives every word of a spelling group the same form, and no word two groups', () => {
    const seen = new Map<string, number>();
    wordsJson.groups.forEach((group, i) => {
      const forms = new Set(group.words.map(wordForm));
      expect(forms.size, group.words.join('/')).toBe(1);
      for (const w of group.words) {
        expect(seen.get(w), w).toBeUndefined();
        seen.set(w, i);
      }
    });
  });
});

describe('indexedText', () => {
  it('keeps the words as written and adds each differing form once', () => {
    expect(indexedText('Kripik Pedes kripik')).toBe(`Kripik Pedes kripik ${wordForm('keripik')} pedas`);
    expect(indexedText('Kopi Garut')).toBe('Kopi Garut');
  });
});

describe('ftsMatch reads words in their index form', () => {
  it('matches the form, and the typed word as a prefix', () => {
    expect(ftsMatch('kripik pedes')).toBe(`"${wordForm('keripik')}" AND "pedas"`);
    expect(ftsMatch('baso cau', { lastAsPrefix: true })).toBe(`"bakso" AND ("pisang" OR "cau"*)`);
  });
});
