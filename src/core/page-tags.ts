/**
 * Cache tags of the pages drawn from the database. A page carries the tags of what it
 * shows; a change to a listing invalidates the tags it touches, on every server process.
 */
export const pageTags = {
  /** Pages that show the whole directory: home (counts, newest), search results, sitemaps. */
  directory: 'direktori',
  profile: (slug: string) => `umkm:${slug}`,
  category: (slug: string) => `kategori:${slug}`,
  regency: (code: string) => `wilayah:${code}`,
} as const;

/** Where a listing appears in public. */
export interface ListingPlace {
  slug: string;
  category: string;
  regencyCode: string;
}

/** The tags to invalidate when listings change: where each was and is now, and the directory. */
export function changedTags(places: ListingPlace[]): string[] {
  const tags = new Set<string>([pageTags.directory]);
  for (const p of places) {
    tags.add(pageTags.profile(p.slug));
    tags.add(pageTags.category(p.category));
    tags.add(pageTags.regency(p.regencyCode));
  }
  return [...tags];
}
