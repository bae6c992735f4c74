import type { OpenDataManifest } from '../../functions/services/open-data.ts';
import { OPEN_DATA_NAME } from '../../functions/services/open-data.ts';

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const PUBLISHER = 'Dinas Koperasi dan Usaha Kecil Provinsi Jawa Barat';
export const ATTRIBUTION = `Sumber: Etalase Jabar, ${PUBLISHER}, CC BY 4.0`;

/**
 * The catalogue harvesters read (/data.json): DCAT-US 1.1, the data.json of Project Open
 * Data, which CKAN (the software of Satu Data Indonesia portals) harvests with its DCAT
 * JSON harvester. Non-federal: the U.S. bureau and program codes are left out.
 */
export function openDataCatalog(site: string, manifest: OpenDataManifest | null, now: Date) {
  const url = (path: string) => new URL(path, site).toString();
  const modified = manifest?.generatedAt ?? now.toISOString();
  const rows = manifest ? ` Snapshot terbaru: ${manifest.rows} usaha (${manifest.date}).` : '';
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': url('/data.json'),
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: [
      {
        '@type': 'dcat:Dataset',
        identifier: url(`/data/#${OPEN_DATA_NAME}`),
        title: 'Direktori UMKM Jawa Barat (Etalase Jabar)',
        description: `Data publik setiap UMKM yang tayang di Etalase Jabar: nama, kategori dan KBLI, kabupaten/kota dan kecamatan, NIB dan status verifikasinya, sertifikat halal, P-IRT, platform dan tautan toko online, kisaran harga. Tanpa nomor WhatsApp, email, atau alamat jalan.${rows}`,
        keyword: ['UMKM', 'Jawa Barat', 'direktori usaha', 'marketplace', 'KBLI', 'NIB', 'digitalisasi UMKM'],
        modified,
        publisher: { '@type': 'org:Organization', name: PUBLISHER },
        contactPoint: { '@type': 'vcard:Contact', fn: `Etalase Jabar, ${PUBLISHER}` },
        accessLevel: 'public',
        license: LICENCE_URL,
        rights: ATTRIBUTION,
        spatial: 'Provinsi Jawa Barat, Indonesia',
        accrualPeriodicity: 'R/P1D',
        language: ['id'],
        landingPage: url('/data/'),
        describedBy: url('/data/#kamus-data'),
        describedByType: 'text/html',
        theme: ['Ekonomi', 'UMKM'],
        references: [url('/statistik/'), url('/api/docs')],
        distribution: [
          { '@type': 'dcat:Distribution', title: 'CSV (gzip)', description: 'RFC 4180: koma, UTF-8, satu baris per usaha; daftar dipisah tanda |.', downloadURL: url(`/data/${OPEN_DATA_NAME}.csv.gz`), mediaType: 'application/gzip', format: 'CSV', describedBy: url('/data/#kamus-data'), describedByType: 'text/html' },
          { '@type': 'dcat:Distribution', title: 'JSON (gzip)', description: 'Larik JSON, satu objek per usaha, dengan daftar produk dan harganya.', downloadURL: url(`/data/${OPEN_DATA_NAME}.json.gz`), mediaType: 'application/gzip', format: 'JSON', describedBy: url('/data/#kamus-data'), describedByType: 'text/html' },
          { '@type': 'dcat:Distribution', title: 'API JSON', description: 'Pencarian dan data per usaha lewat API, dengan dokumen OpenAPI.', accessURL: url('/api/docs'), format: 'API', conformsTo: url('/api/openapi.json') },
        ],
      },
    ],
  };
}
