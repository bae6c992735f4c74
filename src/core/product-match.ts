import { searchWords } from './text.ts';
import { wordForm } from './word-forms.ts';

/**
 * Whether a product answers the words a shopper typed: every word, in its indexed form
 * ("keripik" and "kripik", "pedasnya" and "pedas"), begins a word of the product's name or
 * pack size, so "keripik pedas" finds "Keripik singkong pedas 250 g" and not "Kopi bubuk".
 */
export function productMatches(product: { name: string; unit?: string | null }, query: string): boolean {
  const wanted = searchWords(query).map(wordForm);
  if (wanted.length === 0) return false;
  const have = searchWords(`${product.name} ${product.unit ?? ''}`).flatMap((w) => [w, wordForm(w)]);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
