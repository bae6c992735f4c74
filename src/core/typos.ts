/** The letters a phone keyboard's slip can put in a word (after the accents are taken off). */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Words shorter than this are not corrected: too many short words are one slip apart. */
export const MIN_TYPO_LENGTH = 5;

/**
 * Every word one slip away: a letter left out, added, changed, or two neighbours swapped
 * ("keripk", "kerippik", "kerapik", "kerpiik" → keripik). About 340 for a 6-letter word.
 */
export function oneEditVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    for (const letter of LETTERS) {
      out.add(word.slice(0, i) + letter + word.slice(i));
      if (i < word.length) out.add(word.slice(0, i) + letter + word.slice(i + 1));
    }
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    if (i < word.length - 1) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}
