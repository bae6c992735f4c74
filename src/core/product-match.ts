import { searchWords } from './text.ts';
import { wordForm } from './word-forms.ts';

/**
 * Whether a product answers the words a shopper typed: every word, in its indexed form
 * ("keripik" and "kripik", "pedasnya" and "pedas"), begins a word of the product's name or
 * pack size, so "keripik pedas" finds "Keripik singkong pedas 250 g" and not "Kopi bubuk".
 * Made once per search: a product without the words anywhere in it is passed over before
 * any of its words is stemmed.
 */
export function productMatcher(query: string): (product: { name: string; unit?: string | null }) => boolean {
  const typed = searchWords(query);
  const wanted = typed.map(wordForm);
  if (wanted.length === 0) return () => false;
  return (product) => {
    const text = `${product.name} ${product.unit ?? ''}`;
    const plain = searchWords(text);
    const joined = plain.join(' ');
    if (!wanted.every((w, i) => joined.includes(w) || joined.includes(typed[i]!))) return false;
    const have = plain.flatMap((w) => [w, wordForm(w)]);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  };
}
