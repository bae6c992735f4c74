import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { judgedListings, relevanceCases, relevanceFigures, runCase, RELEVANCE_NOW, RELEVANCE_SEED, RELEVANCE_SIZE } from '../test/fixtures/relevance.ts';

/**
 * The relevance set of test/fixtures/relevance.ts over its fixed sample, through the search
 * page's own search: mean reciprocal rank, precision@5, the queries that show a listing
 * they must not, and the weakest queries by name.
 */
export async function benchRelevance() {
  const { db, client } = await openDb('file::memory:');
  try {
    await seedSample(db, { total: RELEVANCE_SIZE, seed: RELEVANCE_SEED, now: RELEVANCE_NOW });
    const listings = await judgedListings(db);
    const outcomes = [];
    for (const c of relevanceCases) outcomes.push(await runCase(db, listings, c));
    const weakest = outcomes
      .filter((o) => (o.reciprocalRank ?? 1) < 1 || (o.precisionAt5 ?? 1) < 1 || o.unwantedShown.length > 0 || (o.case.meant !== undefined && o.meant !== o.case.meant))
      .map((o) => o.case.q);
    return { ...relevanceFigures(outcomes), listings: listings.size, weakest };
  } finally {
    client.close();
  }
}
