import { z } from 'zod';
import { searchQuerySchema } from '../src/core/search.ts';
import { problemSchema, supplierPageSchema, supplierSchema } from '../src/core/supplier-schema.ts';

/** OpenAPI 3.1 for the public read API, generated from the same zod schemas the API validates and answers with. */
export function openApiDocument(siteUrl: string) {
  const parameters = Object.entries(searchQuerySchema.shape).map(([name, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const { description, $schema: _dialect, ...rest } = json;
    return { name, in: 'query', required: false, description, schema: rest };
  });
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
  // The registered schemas (their .meta({ id })) with references between them pointing into
  // components, where OpenAPI looks: a plain toJSONSchema would point them at "#/$defs/…".
  const registry = z.registry<{ id: string }>();
  for (const schema of [supplierSchema, supplierPageSchema, problemSchema]) registry.add(schema, { id: (schema.meta() as { id: string }).id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Etalase Jabar: API data pemasok UMKM',
      version: '1.0.0',
      description:
        'Data terbuka UMKM Jawa Barat untuk pengadaan barang/jasa pemerintah. Semua filter sama dengan halaman /pengadaan/. Respons publik dapat di-cache 60 detik.',
    },
    servers: [{ url: siteUrl }],
    paths: {
      '/api/suppliers': {
        get: {
          operationId: 'searchSuppliers',
          summary: 'Cari pemasok UMKM dengan filter terstruktur',
          parameters,
          responses: {
            '200': { description: 'Satu halaman pemasok', content: { 'application/json': { schema: ref('SupplierPage') } } },
            '400': problem('Parameter tidak valid; `errors` menyebut parameternya'),
          },
        },
      },
      '/api/suppliers/export': {
        get: {
          operationId: 'exportSuppliers',
          summary: 'Unduh hasil pencarian atau daftar pendek sebagai CSV (UTF-8, pemisah ;) atau JSON',
          parameters: [
            { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['csv', 'json'] } },
            { name: 'slugs', in: 'query', required: false, description: 'Daftar slug dipisah koma (daftar pendek), maksimal 50. Tanpa ini: seluruh hasil filter, maksimal 5.000.', schema: { type: 'string' } },
            ...parameters.filter((p) => p.name !== 'page' && p.name !== 'per_page'),
          ],
          responses: {
            '200': {
              description: 'Berkas unduhan',
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: ref('Supplier') } } },
            },
            '400': problem('Parameter tidak valid'),
          },
        },
      },
    },
    components: { schemas },
  };
}
