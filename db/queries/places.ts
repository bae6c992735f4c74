import { eq } from 'drizzle-orm';
import type { ListingPlace } from '../../src/core/page-tags.ts';
import type { DbOrTx } from '../client.ts';
import { msmes } from '../schema.ts';

const placeColumns = { slug: msmes.slug, category: msmes.category, regencyCode: msmes.regencyCode };

/** Where a listing shows in public (its profile, category and kabupaten/kota), by id. */
export async function listingPlace(db: DbOrTx, id: number): Promise<ListingPlace | undefined> {
  const [row] = await db.select(placeColumns).from(msmes).where(eq(msmes.id, id));
  return row;
}

/** The same, by the hash of the owner's status token. */
export async function ownListingPlace(db: DbOrTx, statusTokenHash: string): Promise<ListingPlace | undefined> {
  const [row] = await db.select(placeColumns).from(msmes).where(eq(msmes.statusTokenHash, statusTokenHash));
  return row;
}
