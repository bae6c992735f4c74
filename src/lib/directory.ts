import { getCollection } from 'astro:content';
import type { SiteListing } from './listing.ts';

let cache: SiteListing[] | undefined;

/** Every published listing, newest first, read once per build from the content store. */
export async function allListings(): Promise<SiteListing[]> {
  if (!cache) {
    const entries = await getCollection('msmes');
    cache = entries
      .map((e) => e.data as SiteListing)
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.slug.localeCompare(b.slug));
  }
  return cache;
}

/** Verified first, then newest: the order every listing page uses, stated on the page. */
export function directoryOrder(list: SiteListing[]): SiteListing[] {
  return [...list].sort((a, b) => Number(b.nibVerifiedAt !== null) - Number(a.nibVerifiedAt !== null) || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

export const PAGE_SIZE = 24;
