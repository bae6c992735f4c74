import { stemmer } from '@orama/stemmers/indonesian';
import wordsJson from '../../content/search-words.json' with { type: 'json' };
import { regencies } from './reference.ts';
import { searchWords } from './text.ts';

/**
 * The one form the search index keeps of a word, used the same way when a listing is
 * indexed and when a search is read, so "kripik", "keripik" and "keripiknya" meet, and so
 * do Sundanese names and their Indonesian ones ("keripik cau" and "keripik pisang").
 *
 * A word goes through the reviewed spelling groups of content/search-words.json, then
 * Snowball's Indonesian stemmer (@orama/stemmers): particles, possessives, prefixes and
 * suffixes off ("makanan" would become "makan", "perikanan" "ikan"). Kept whole: words of
 * the `unstemmed` list, whose root means something else ("makanan" is food, "meja makan" a
 * table), names of places ("Kuningan" is not "kuning"), and words with digits.
 */

const spelling = new Map<string, string>();
for (const group of wordsJson.groups) {
  const [first] = group.words;
  if (first) for (const word of group.words) spelling.set(word, first);
}

const placeWords = regencies.flatMap((r) => [r.name, ...r.districts.flatMap((d) => [d.name, d.alsoKnownAs ?? ''])]).flatMap(searchWords);
const whole = new Set([...wordsJson.unstemmed, ...placeWords]);

/** Whether a word is one of the spellings of content/search-words.json ("pedes" is a way to write pedas, and a kecamatan). */
export const isSpellingVariant = (word: string): boolean => spelling.has(word);

/** Stems already worked out: listings repeat the same few thousand words. Bounded, then started afresh. */
const known = new Map<string, string>();
const KNOWN_LIMIT = 50_000;

/** The index form of one word as `searchWords` gives it (lowercase, accents off). */
export function wordForm(word: string): string {
  const cached = known.get(word);
  if (cached !== undefined) return cached;
  const spelled = spelling.get(word) ?? word;
  const form = whole.has(spelled) || /\d/.test(spelled) || spelled.length < 4 ? spelled : stemmer(spelled);
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(word, form);
  return form;
}

/**
 * A text as the index stores it: the words as written (so a search by the first letters
 * of a word, and the "did you mean" vocabulary, see them) followed by each index form that
 * differs from every word written, once.
 */
export function indexedText(text: string): string {
  const words = searchWords(text);
  const written = new Set(words);
  const forms = new Set<string>();
  for (const word of words) {
    const form = wordForm(word);
    if (!written.has(form)) forms.add(form);
  }
  return forms.size === 0 ? text : `${text} ${[...forms].join(' ')}`;
}
