import type { OpenAPIHono } from '@hono/zod-openapi';

/**
 * The OpenAPI 3.1 document of the API, generated from its route definitions (each route's
 * createRoute in functions/routes/: the core's zod schemas for its parameters, bodies and
 * answers), with the schemas named by their `id` under components.
 */
export function openApiDocument(app: OpenAPIHono, siteUrl: string) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Etalase Jabar: API data UMKM',
      version: '1.1.0',
      description:
        'Data terbuka UMKM Jawa Barat: pencarian listing dan pemasok untuk pengadaan barang/jasa pemerintah, pendaftaran usaha tanpa akun, laporan masalah. Respons publik dapat di-cache 60 detik. Kesalahan dijawab sebagai application/problem+json dengan `errors` yang menyebut kolom atau parameternya.',
    },
    servers: [{ url: siteUrl }],
  });
}
