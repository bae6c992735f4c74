/**
 * Filter values as single FTS5 tokens in the index's `tags` column, so a keyword search
 * with filters is one intersection of posting lists inside FTS5 instead of a lookup per
 * match. Tokens are lowercase letters and digits only, which unicode61 keeps whole.
 */
export const tag = {
  regency: (code: string) => `kab${code.replace(/\D/g, '')}`,
  district: (code: string) => `kec${code.replace(/\D/g, '')}`,
  category: (slug: string) => `kat${slug.replace(/[^a-z0-9]/g, '')}`,
  platform: (id: string) => `plat${id.replace(/[^a-z0-9]/g, '')}`,
  /** Every prefix of 2 to 5 digits, so "10" finds 10794. */
  kbli: (code: string) => Array.from({ length: Math.max(0, code.length - 1) }, (_, i) => `kbli${code.slice(0, i + 2)}`),
  verified: 'nibok',
  halal: 'halalok',
  pirt: 'pirtok',
  juara: 'juaraok',
} as const;

export interface Taggable {
  category: string;
  regencyCode: string;
  districtCode: string;
  kbliCodes: string[];
  nibVerifiedAt: Date | null;
  halalNumber: string | null;
  pirtNumber: string | null;
  isJuara: boolean;
}

/** The tags of one listing. */
export function listingTags(m: Taggable, platforms: string[]): string {
  return [
    tag.regency(m.regencyCode),
    tag.district(m.districtCode),
    tag.category(m.category),
    ...[...new Set(platforms)].map(tag.platform),
    ...m.kbliCodes.flatMap(tag.kbli),
    m.nibVerifiedAt ? tag.verified : '',
    m.halalNumber ? tag.halal : '',
    m.pirtNumber ? tag.pirt : '',
    m.isJuara ? tag.juara : '',
  ]
    .filter(Boolean)
    .join(' ');
}
