import { sql } from 'drizzle-orm';
import { MIN_TYPO_LENGTH, oneEditVariants } from '../../src/core/typos.ts';
import { searchWords } from '../../src/core/text.ts';
import type { DbOrTx } from '../client.ts';

const termList = (words: string[]) => sql.join(words.map((w) => sql`${w}`), sql`, `);

/** Of these words, the ones the search index holds (a lookup of each; nothing is counted). */
async function heldWords(db: DbOrTx, words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const found = await db.all<{ term: string }>(sql`SELECT term FROM msme_fts_vocab WHERE term IN (${termList(words)})`);
  return found.map((f) => f.term);
}

/** Of these words, the ones the search index holds, with how many listings hold each: counted only for the few that exist. */
async function heldWordCounts(db: DbOrTx, words: string[]): Promise<Map<string, number>> {
  const held = await heldWords(db, words);
  if (held.length === 0) return new Map();
  const counted = await db.all<{ term: string; doc: number }>(sql`SELECT term, doc FROM msme_fts_vocab WHERE term IN (${termList(held)})`);
  return new Map(counted.map((c) => [c.term, c.doc]));
}

/**
 * The search's words with each word of 5 letters or more that the index does not hold
 * replaced by the indexed word one slip away that the most listings hold ("keripk
 * pedas" → "keripik pedas"); undefined when no word could be corrected.
 */
export async function closestWords(db: DbOrTx, q: string): Promise<string | undefined> {
  const words = searchWords(q);
  let changed = false;
  const known = new Set(await heldWords(db, [...new Set(words)]));
  const out: string[] = [];
  for (const word of words) {
    if (word.length < MIN_TYPO_LENGTH || known.has(word)) {
      out.push(word);
      continue;
    }
    const near = [...(await heldWordCounts(db, oneEditVariants(word)))].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    out.push(near ? near[0] : word);
    changed ||= Boolean(near);
  }
  return changed ? out.join(' ') : undefined;
}
