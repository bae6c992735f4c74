import type { PublicMsme } from '../../db/queries/msmes.ts';

/** A listing as the static site keeps it: dates as ISO strings so the content store round-trips them. */
export type SiteListing = Omit<PublicMsme, 'nibVerifiedAt' | 'verifiedAt' | 'publishedAt' | 'updatedAt'> & {
  nibVerifiedAt: string | null;
  verifiedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSiteListing(m: PublicMsme): SiteListing {
  return {
    ...m,
    nibVerifiedAt: iso(m.nibVerifiedAt),
    verifiedAt: iso(m.verifiedAt),
    publishedAt: iso(m.publishedAt),
    updatedAt: m.updatedAt.toISOString(),
  };
}
