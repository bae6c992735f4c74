import type { Context } from 'hono';
import { changedTags, type ListingPlace } from '../src/core/page-tags.ts';

/** The runtime's waitUntil when there is one (the Worker), so work can finish after the response. */
export function backgroundOf(c: Context): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    // Node (and app.request in tests) has no execution context: the work is awaited.
    return undefined;
  }
}

/**
 * After a change the public must see (an approval, a mark, a removal): the cached pages
 * that show these listings, before and after, are dropped. The change is already stored,
 * so a failure is logged, never an error.
 */
export async function announceChange(
  deps: { pagesChanged: (tags: string[]) => Promise<void> | void; log: (message: string, error: unknown) => void },
  places: (ListingPlace | undefined)[],
  background?: (work: Promise<unknown>) => void,
) {
  const known = places.filter((p): p is ListingPlace => p !== undefined);
  if (known.length === 0) return;
  const work = (async () => {
    try {
      await deps.pagesChanged(changedTags(known));
    } catch (error) {
      deps.log('Halaman tersimpan tidak dapat diperbarui', error);
    }
  })();
  if (background) background(work);
  else await work;
}
