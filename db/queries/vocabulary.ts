import { sql } from 'drizzle-orm';
import { MIN_TYPO_LENGTH, oneEditVariants } from '../../src/core/typos.ts';
import { searchWords } from '../../src/core/text.ts';
import type { DbOrTx } from '../client.ts';

/** Of these words, the ones the search index holds, with how many listings hold each. */
async function indexedWords(db: DbOrTx, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const found = await db.all<{ term: string }>(sql`SELECT term FROM msme_fts_vocab WHERE term IN (${sql.join(words.map((w) => sql`${w}`), sql`, `)})`);
  if (found.length === 0) return new Map();
  // How many listings hold them, counted only for the few that exist.
  const counted = await db.all<{ term: string; doc: number }>(sql`SELECT term, doc FROM msme_fts_vocab WHERE term IN (${sql.join(found.map((f) => sql`${f.term}`), sql`, `)})`);
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
  const known = await indexedWords(db, [...new Set(words)]);
  const out: string[] = [];
  for (const word of words) {
    if (word.length < MIN_TYPO_LENGTH || known.has(word)) {
      out.push(word);
      continue;
    }
    const near = [...(await indexedWords(db, oneEditVariants(word)))].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    out.push(near ? near[0] : word);
    changed ||= Boolean(near);
  }
  return changed ? out.join(' ') : undefined;
}
