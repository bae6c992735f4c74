import { findCategory, findDistrict, findRegency } from './reference.ts';
import { formatPriceRange } from './rupiah.ts';

/** A listing's editable data, as stored or as an owner proposes it: the owner's form and the review diff read it. */
export interface ListingData {
  name: string;
  description: string;
  category: string;
  kbliCodes: string[];
  regencyCode: string;
  districtCode: string;
  address?: string | null | undefined;
  whatsapp: string;
  email?: string | null | undefined;
  nib?: string | null | undefined;
  halalNumber?: string | null | undefined;
  pirtNumber?: string | null | undefined;
  openingHours?: string | null | undefined;
  madeToOrder?: boolean | undefined;
  deliveryArea?: string | null | undefined;
  minOrder?: string | null | undefined;
  bulkOrders?: boolean | undefined;
  mapUrl?: string | null | undefined;
  storeLinks: (string | { url: string })[];
  products: { name: string; priceMin: number; priceMax?: number | null | undefined; unit?: string | null | undefined; url?: string | null | undefined }[];
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Every field with its Indonesian label and how it reads as text. */
const fields: { field: string; label: string; show: (d: ListingData) => string }[] = [
  { field: 'name', label: 'Nama usaha', show: (d) => d.name },
  { field: 'description', label: 'Deskripsi', show: (d) => d.description },
  { field: 'category', label: 'Kategori', show: (d) => findCategory(d.category)?.name ?? d.category },
  { field: 'kbliCodes', label: 'KBLI', show: (d) => d.kbliCodes.join(', ') },
  { field: 'regencyCode', label: 'Kabupaten/kota', show: (d) => findRegency(d.regencyCode)?.name ?? d.regencyCode },
  { field: 'districtCode', label: 'Kecamatan', show: (d) => findDistrict(d.districtCode)?.name ?? d.districtCode },
  { field: 'address', label: 'Alamat', show: (d) => d.address ?? '' },
  { field: 'whatsapp', label: 'WhatsApp', show: (d) => d.whatsapp },
  { field: 'email', label: 'Email', show: (d) => d.email ?? '' },
  { field: 'nib', label: 'NIB', show: (d) => d.nib ?? '' },
  { field: 'halalNumber', label: 'Sertifikat halal', show: (d) => d.halalNumber ?? '' },
  { field: 'pirtNumber', label: 'P-IRT', show: (d) => d.pirtNumber ?? '' },
  { field: 'openingHours', label: 'Jam buka', show: (d) => [d.openingHours ?? '', d.madeToOrder ? 'sesuai pesanan' : ''].filter(Boolean).join('; ') },
  { field: 'deliveryArea', label: 'Area pengiriman', show: (d) => d.deliveryArea ?? '' },
  { field: 'minOrder', label: 'Minimal pesanan', show: (d) => [d.minOrder ?? '', d.bulkOrders ? 'terima pesanan partai besar' : ''].filter(Boolean).join('; ') },
  { field: 'mapUrl', label: 'Tautan peta', show: (d) => d.mapUrl ?? '' },
  { field: 'storeLinks', label: 'Tautan toko', show: (d) => d.storeLinks.map((l) => (typeof l === 'string' ? l : l.url)).join('\n') },
  { field: 'products', label: 'Produk', show: (d) => d.products.map((p) => `${p.name}${p.unit ? ` (${p.unit})` : ''}: ${formatPriceRange(p.priceMin, p.priceMax)}${p.url ? ` · ${p.url}` : ''}`).join('\n') },
];

/** The fields an edit changes, each as it reads now and as it would read after approval. */
export function diffListing(published: ListingData, proposed: ListingData): FieldChange[] {
  return fields.flatMap(({ field, label, show }) => {
    const before = show(published);
    const after = show(proposed);
    return before === after ? [] : [{ field, label, before, after }];
  });
}

/** Every field of a listing as label and text, for a new registration that has nothing to compare with. */
export function describeListing(data: ListingData): { label: string; value: string }[] {
  return fields.map(({ label, show }) => ({ label, value: show(data) }));
}
