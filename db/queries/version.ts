import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { msmes } from '../schema.ts';

/**
 * Optimistic concurrency for a listing: bumps its version only if it is still `expected`
 * (the one the page showed), in one statement, so two stale pages cannot both win.
 * Returns the new version, or undefined when the listing changed since.
 */
export async function bumpVersion(tx: Tx, id: number, expected: number, now: Date): Promise<number | undefined> {
  const [bumped] = await tx
    .update(msmes)
    .set({ version: sql`${msmes.version} + 1`, updatedAt: now })
    .where(and(eq(msmes.id, id), eq(msmes.version, expected)))
    .returning({ version: msmes.version });
  return bumped?.version;
}
