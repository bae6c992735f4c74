import { desc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { linkCheckRuns } from '../schema.ts';

/** The last run of the store-link checker, or undefined if it never ran. */
export async function latestLinkRun(db: Db) {
  const [run] = await db.select().from(linkCheckRuns).orderBy(desc(linkCheckRuns.id)).limit(1);
  return run;
}
