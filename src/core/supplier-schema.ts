import { z } from 'zod';

/** The public JSON shape of a supplier and of a supplier search page: the source of the OpenAPI document. */
const named = z.object({ code: z.string(), name: z.string() });

export const supplierSchema = z
  .object({
    slug: z.string().meta({ description: 'Pengenal unik di URL profil.' }),
    name: z.string(),
    profileUrl: z.url(),
    category: z.object({ slug: z.string(), name: z.string() }),
    kbli: z.object({ edition: z.string().meta({ description: 'Edisi KBLI, 2020 atau 2025.' }), codes: z.array(z.string()) }),
    regency: named.meta({ description: 'Kabupaten/kota (kode Kemendagri).' }),
    district: named.meta({ description: 'Kecamatan (kode Kemendagri).' }),
    address: z.string().nullable(),
    verification: z.object({
      level: z.enum(['self', 'mentor', 'staff']).meta({ description: 'self: data pemilik; mentor: diperiksa pendamping; staff: diverifikasi petugas terhadap dokumen.' }),
      verifiedAt: z.iso.datetime().nullable(),
    }),
    nib: z.string().nullable().meta({ description: 'Nomor Induk Berusaha (13 angka).' }),
    nibVerifiedAt: z.iso.datetime().nullable(),
    halalNumber: z.string().nullable().meta({ description: 'Nomor sertifikat halal BPJPH, seperti dinyatakan pemilik.' }),
    halalVerifiedAt: z.iso.datetime().nullable().meta({ description: 'Kapan petugas mencocokkan sertifikat halal dengan daftar BPJPH; null: baru dinyatakan pemilik.' }),
    pirtNumber: z.string().nullable(),
    isJuara: z.boolean(),
    whatsapp: z.string().meta({ description: 'Nomor WhatsApp usaha, E.164.' }),
    whatsappUrl: z.url(),
    storeLinks: z.array(z.object({ platform: z.string(), platformName: z.string(), url: z.url() })),
    products: z.array(
      z.object({
        name: z.string(),
        priceMin: z.number().int(),
        priceMax: z.number().int().nullable(),
        unit: z.string().nullable().meta({ description: 'Ukuran atau isi yang dihargai, seperti ditulis pemilik: "250 g", "isi 10".' }),
        priceConfirmedAt: z.iso.datetime().nullable().meta({ description: 'Kapan pemilik terakhir menyatakan harga ini masih berlaku.' }),
      }),
    ),
    priceRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable().meta({ description: 'Rentang harga produk dalam rupiah.' }),
  })
  .meta({ id: 'Supplier' });

export const supplierPageSchema = z
  .object({
    items: z.array(supplierSchema),
    total: z.number().int().meta({ description: 'Jumlah seluruh pemasok yang cocok.' }),
    verified: z.number().int().meta({ description: 'Berapa di antaranya yang NIB-nya terverifikasi.' }),
    priceRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    order: z.enum(['relevance', 'verified-newest']).meta({ description: 'Urutan: relevansi kata kunci, atau terverifikasi lalu terbaru.' }),
    page: z.number().int(),
    perPage: z.number().int(),
    pages: z.number().int(),
    links: z.object({
      self: z.string(),
      first: z.string(),
      prev: z.string().optional(),
      next: z.string().optional().meta({ description: 'Halaman berikutnya. Tanpa kata kunci ia memakai after (secepat halaman pertama, sedalam apa pun); dengan kata kunci, page.' }),
      last: z.string().optional().meta({ description: 'Tidak ada bila halaman terakhir lebih jauh dari 10.000 hasil: lanjutkan dengan next.' }),
    }),
    continued: z.boolean().meta({ description: 'Halaman lanjutan dari after, tanpa nomor halaman.' }),
  })
  .meta({ id: 'SupplierPage' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export type SupplierJson = z.infer<typeof supplierSchema>;
