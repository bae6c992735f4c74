import { z } from 'zod';

/**
 * The JSON the API answers with, beside the supplier shapes (supplier-schema.ts): the
 * source of the OpenAPI document's components, named by their `id`.
 */
const code = z.object({ code: z.string(), name: z.string() });
const place = {
  category: z.string().meta({ description: 'Kategori (slug).' }),
  categoryName: z.string(),
  regency: code.meta({ description: 'Kabupaten/kota (kode Kemendagri).' }),
  district: code.meta({ description: 'Kecamatan (kode Kemendagri).' }),
};

export const msmeSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    ...place,
    verification: z.enum(['self', 'mentor', 'staff']),
    verifiedAt: z.iso.datetime().nullable(),
    nibVerifiedAt: z.iso.datetime().nullable(),
    nibVerified: z.boolean(),
    halalNumber: z.string().nullable(),
    halal: z.boolean(),
    pirtNumber: z.string().nullable(),
    isJuara: z.boolean(),
    publishedAt: z.iso.datetime().nullable(),
    priceFrom: z.number().int().nullable().meta({ description: 'Harga produk termurah, rupiah.' }),
    thumbnail: z.string().nullable().meta({ description: 'Foto utama sebagai gambar kecil persegi 160 px (WebP), atau null.' }),
    platforms: z.array(z.string()).meta({ description: 'Platform tempat usaha ini punya toko.' }),
  })
  .meta({ id: 'MsmeSummary' });

export const msmePageSchema = z
  .object({
    items: z.array(msmeSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    pages: z.number().int(),
    links: z.object({ self: z.string(), first: z.string(), prev: z.string().optional(), next: z.string().optional(), last: z.string().optional() }),
  })
  .meta({ id: 'MsmePage' });

export const msmeSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    ...place,
    kbliCodes: z.array(z.string()),
    kbliEdition: z.string(),
    regencyCode: z.string(),
    districtCode: z.string(),
    address: z.string().nullable(),
    whatsapp: z.string().meta({ description: 'Nomor WhatsApp usaha, E.164.' }),
    nib: z.string().nullable(),
    nibVerifiedAt: z.iso.datetime().nullable(),
    halalNumber: z.string().nullable(),
    pirtNumber: z.string().nullable(),
    openingHours: z.string().nullable().meta({ description: 'Jam buka, seperti ditulis pemilik.' }),
    madeToOrder: z.boolean().meta({ description: 'Dibuat sesuai pesanan.' }),
    deliveryArea: z.string().nullable(),
    minOrder: z.string().nullable(),
    bulkOrders: z.boolean().meta({ description: 'Menerima pesanan partai besar.' }),
    mapUrl: z.string().nullable().meta({ description: 'Tautan Google Maps atau OpenStreetMap.' }),
    verification: z.enum(['self', 'mentor', 'staff']),
    verifiedAt: z.iso.datetime().nullable(),
    isJuara: z.boolean(),
    isSample: z.boolean().meta({ description: 'Data contoh, bukan usaha sungguhan.' }),
    publishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    storeLinks: z.array(z.object({ platform: z.string(), url: z.url() })),
    products: z.array(z.object({ name: z.string(), priceMin: z.number().int(), priceMax: z.number().int().nullable(), unit: z.string().nullable(), url: z.string().nullable().meta({ description: 'Tautan langsung ke produk di toko online.' }) })),
    photos: z.array(z.object({ kind: z.enum(['produk', 'toko', 'logo']), caption: z.string().nullable(), width: z.number().int(), height: z.number().int(), srcset: z.string(), thumbnail: z.string(), preview: z.string() })),
  })
  .meta({ id: 'Msme' });

export const registrationCreatedSchema = z
  .object({
    slug: z.string(),
    status: z.literal('pending'),
    statusUrl: z.url().meta({ description: 'Tautan pribadi pemilik: simpan, jangan dibagikan.' }),
    statusToken: z.string().meta({ description: 'Token tautan pribadi (256 bit); disimpan hanya sebagai hash.' }),
    emailed: z.boolean().meta({ description: 'Salinan tautan terkirim ke email yang diisi.' }),
  })
  .meta({ id: 'RegistrationCreated' });

/** A photo as the API answers it: what it shows, whether staff let it public, and where its files are. */
export const photoSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['produk', 'toko', 'logo']),
    caption: z.string().nullable(),
    status: z.enum(['pending', 'published']),
    width: z.number().int(),
    height: z.number().int(),
    srcset: z.string().meta({ description: 'WebP pada beberapa lebar, untuk atribut srcset.' }),
    thumbnail: z.string().meta({ description: 'Gambar kecil persegi 160 px (WebP).' }),
    preview: z.string().meta({ description: 'Gambar pratinjau tautan 1200 x 630 (JPEG).' }),
  })
  .meta({ id: 'Photo' });

export const registrationStatusSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(['invited', 'pending', 'published', 'rejected', 'removed']),
    rejectionReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    photos: z.array(photoSchema).meta({ description: 'Semua foto, juga yang menunggu persetujuan (status pending).' }),
  })
  .meta({ id: 'RegistrationStatus' });

export const healthSchema = z
  .object({ status: z.literal('ok'), database: z.literal('ok'), databaseMs: z.number().int(), time: z.iso.datetime() })
  .meta({ id: 'Health' });

/** Path parameters: a listing's slug and an owner's private token. */
export const slugParam = z.object({ slug: z.string().meta({ description: 'Slug profil, misalnya keripik-tempe-bu-enok.' }) });
export const tokenParam = z.object({ token: z.string().meta({ description: 'Token tautan pribadi pemilik (43 karakter).' }) });

