import type { PublicProfile } from '../../db/queries/msmes.ts';
import type { Registration } from '../core/registration.ts';
import { businessFields } from '../../db/queries/registrations.ts';

/**
 * A registration as its public profile would show it once approved: no photos yet (they
 * come after sending, on the status page), the owner's word as its verification.
 */
export function previewProfile(reg: Registration, now: Date): PublicProfile {
  // The stored shape of its business fields, without what a profile never shows.
  const { email: _email, priceMin: _min, priceMax: _max, ...fields } = businessFields(reg);
  return {
    ...fields,
    slug: 'pratinjau',
    kbliEdition: '2020',
    nibVerifiedAt: null,
    verification: 'self',
    verifiedAt: null,
    isJuara: false,
    isSample: false,
    publishedAt: null,
    updatedAt: now,
    storeLinks: reg.storeLinks,
    products: reg.products.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? null, unit: p.unit ?? null, url: p.url ?? null, priceConfirmedAt: now })),
    photos: [],
  };
}
