import type { PublicProfile } from '../../db/queries/msmes.ts';
import type { Registration } from '../core/registration.ts';

/**
 * A registration as its public profile would show it once approved: no photos yet (they
 * come after sending, on the status page), the owner's word as its verification.
 */
export function previewProfile(reg: Registration, now: Date): PublicProfile {
  return {
    slug: 'pratinjau',
    name: reg.name,
    description: reg.description,
    category: reg.category,
    kbliCodes: reg.kbliCodes,
    kbliEdition: '2020',
    regencyCode: reg.regencyCode,
    districtCode: reg.districtCode,
    address: reg.address ?? null,
    whatsapp: reg.whatsapp,
    nib: reg.nib ?? null,
    nibVerifiedAt: null,
    halalNumber: reg.halalNumber ?? null,
    pirtNumber: reg.pirtNumber ?? null,
    openingHours: reg.openingHours ?? null,
    madeToOrder: reg.madeToOrder,
    deliveryArea: reg.deliveryArea ?? null,
    minOrder: reg.minOrder ?? null,
    bulkOrders: reg.bulkOrders,
    mapUrl: reg.mapUrl ?? null,
    verification: 'self',
    verifiedAt: null,
    isJuara: false,
    isSample: false,
    publishedAt: null,
    updatedAt: now,
    storeLinks: reg.storeLinks,
    products: reg.products.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? null, unit: p.unit ?? null, priceConfirmedAt: now })),
    photos: [],
  };
}
