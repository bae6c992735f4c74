import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { photoSchema, registrationCreatedSchema, registrationStatusSchema, tokenParam } from '../../src/core/api-schemas.ts';
import { getRegistrationStatus } from '../../db/queries/registrations.ts';
import { photosOf } from '../../db/queries/photos.ts';
import { readBody } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { backgroundOf } from '../page-changes.ts';
import { json, jsonBody, problem } from '../route-kit.ts';
import { editOwnListing, ownerTokenHash, removeOwnListingByToken } from '../services/owner.ts';
import { registerListing } from '../services/registration.ts';
import { addOwnPhoto, photoJson, removeOwnPhoto } from '../services/photos.ts';
import { readPhotoForm } from '../request-body.ts';
import { CAPTION_MAX } from '../../src/core/photo-fields.ts';
import { MAX_PHOTOS, photoKinds } from '../../src/core/photo-rules.ts';

const create = createRoute({
  method: 'post',
  path: '/',
  operationId: 'register',
  summary: 'Daftarkan usaha (menunggu verifikasi petugas)',
  description: 'Tanpa akun: jawaban membawa tautan status pribadi untuk melihat, mengubah atau menghapus listing. Kolom website harus kosong (jebakan bot); dengan Turnstile aktif, sertakan cf-turnstile-response.',
  request: { body: jsonBody(registrationSchema, 'Data usaha') },
  responses: {
    201: json('Tersimpan sebagai pending', registrationCreatedSchema),
    400: problem('Badan permintaan rusak atau kolom jebakan terisi'),
    413: problem('Badan permintaan lebih dari batas'),
    422: problem('Ada isian yang perlu diperbaiki; `errors` menyebut kolomnya'),
    429: problem('Terlalu banyak pengiriman; lihat Retry-After'),
  },
});

const status = createRoute({
  method: 'get',
  path: '/{token}',
  operationId: 'registrationStatus',
  summary: 'Status pendaftaran lewat token pribadi',
  request: { params: tokenParam },
  responses: { 200: json('Status', registrationStatusSchema), 404: problem('Token tidak dikenal') },
});

const edit = createRoute({
  method: 'put',
  path: '/{token}',
  operationId: 'editRegistration',
  summary: 'Ubah listing lewat token pribadi',
  description: 'Sertakan version yang terakhir dilihat: 409 bila listing berubah sejak itu. Listing yang sudah tayang tetap seperti semula sampai perubahan disetujui.',
  request: { params: tokenParam, body: jsonBody(z.intersection(registrationSchema, z.object({ version: z.number().int().min(1).meta({ description: 'Versi yang terakhir dilihat.' }) })), 'Data usaha lengkap dan version') },
  responses: {
    200: json('Perubahan tersimpan', z.object({ status: z.enum(['pending', 'edit-pending']), version: z.number().int() })),
    404: problem('Token tidak dikenal'),
    409: problem('Listing berubah sejak version itu'),
    422: problem('Ada isian yang perlu diperbaiki'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{token}',
  operationId: 'removeRegistration',
  summary: 'Hapus listing lewat token pribadi (datanya dihapus, hanya catatan penghapusan yang tersisa)',
  request: { params: tokenParam },
  responses: { 200: json('Terhapus', z.object({ status: z.literal('removed') })), 404: problem('Token tidak dikenal') },
});

const photoBody = {
  description: 'Satu foto (JPEG, PNG atau WebP, paling besar 15 MB, paling banyak 25 megapiksel) dengan jenis dan keterangannya.',
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        required: ['photo'],
        properties: {
          photo: { type: 'string' as const, format: 'binary', description: 'Berkas foto. Server membaca ulang dan menyimpannya sebagai WebP tanpa EXIF/GPS.' },
          kind: { type: 'string' as const, enum: [...photoKinds], default: 'produk' },
          caption: { type: 'string' as const, maxLength: CAPTION_MAX },
        },
      },
    },
    'image/jpeg': { schema: { type: 'string' as const, format: 'binary', description: 'Berkasnya saja; jenis (kind) dan keterangan (caption) di query. Cara ini untuk aplikasi di luar peramban: formulir dari situs lain ditolak pemeriksaan asal (Origin).' } },
    'image/png': { schema: { type: 'string' as const, format: 'binary' } },
    'image/webp': { schema: { type: 'string' as const, format: 'binary' } },
  },
};

const addPhotoRoute = createRoute({
  method: 'post',
  path: '/{token}/photos',
  operationId: 'addPhoto',
  summary: 'Tambah foto lewat token pribadi (menunggu persetujuan petugas)',
  description: `Paling banyak ${MAX_PHOTOS} foto per usaha. Foto yang dikirim tidak pernah disimpan apa adanya: server membacanya ulang, mengecilkannya (sisi terpanjang 1.600 px) dan menyimpan WebP baru, jadi EXIF dan lokasi GPS ikut terhapus.`,
  request: { params: tokenParam, query: z.object({ kind: z.string().optional().meta({ description: `Dengan badan image/*: ${photoKinds.join(', ')} (bawaan produk).` }), caption: z.string().optional().meta({ description: 'Dengan badan image/*: keterangan foto.' }) }), body: photoBody },
  responses: {
    201: json('Foto tersimpan, menunggu persetujuan', photoSchema),
    404: problem('Token tidak dikenal'),
    413: problem('Berkas lebih dari batas'),
    415: problem('Bukan multipart/form-data'),
    422: problem('Foto ditolak (SVG, HEIC, rusak, terpotong, bom dekompresi, bukan gambar, sudah 8 foto); `errors` menyebut kolomnya'),
  },
});

const removePhotoRoute = createRoute({
  method: 'delete',
  path: '/{token}/photos/{photoId}',
  operationId: 'removePhoto',
  summary: 'Hapus satu foto lewat token pribadi (berkasnya ikut dihapus)',
  request: { params: tokenParam.extend({ photoId: z.string().regex(/^\d{1,10}$/, messages.photo.notFound) }) },
  responses: { 200: json('Terhapus', z.object({ status: z.literal('removed') })), 404: problem('Token atau foto tidak dikenal') },
});

/**
 * /api/registrations: a new registration and the owner's status, change and removal
 * through the private token, answered in JSON. The registration page and the owner's
 * private page call the same services (functions/services/).
 */
export function registrationRoutes(deps: Required<AppDeps>) {
  return new OpenAPIHono()
    .openapi(create, async (c) => {
      const done = await registerListing(deps, (await readBody(c)).data, c.req.header('cf-connecting-ip'));
      c.header('location', done.statusUrl);
      c.header('cache-control', 'no-store');
      return c.json(done as never, 201);
    })
    .openapi(status, async (c) => {
      const row = await getRegistrationStatus(deps.db, await ownerTokenHash(c.req.valid('param').token));
      if (!row) throw new AppError('NOT_FOUND', messages.registrationNotFound);
      const { id, ...found } = row;
      const photos = (await photosOf(deps.db, id, { all: true })).map(photoJson);
      c.header('cache-control', 'no-store');
      return c.json({ ...found, photos } as never, 200);
    })
    .openapi(edit, async (c) => {
      const result = await editOwnListing(deps, c.req.valid('param').token, (await readBody(c)).data);
      c.header('cache-control', 'no-store');
      return c.json(result as never, 200);
    })
    .openapi(remove, async (c) => {
      await removeOwnListingByToken(deps, c.req.valid('param').token, backgroundOf(c));
      c.header('cache-control', 'no-store');
      return c.json({ status: 'removed' as const }, 200);
    })
    .openapi(addPhotoRoute, async (c) => {
      const { token } = c.req.valid('param');
      await ownerTokenHash(token);
      const { files, fields } = await readPhotoForm(c.req.raw);
      if (files.length > 1) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: [{ path: 'photo', message: messages.photo.one }] });
      const row = await addOwnPhoto(deps, token, { file: files[0] ?? null, kind: fields['kind'], caption: fields['caption'] });
      c.header('cache-control', 'no-store');
      return c.json(photoJson(row) as never, 201);
    })
    .openapi(removePhotoRoute, async (c) => {
      const { token, photoId } = c.req.valid('param');
      await removeOwnPhoto(deps, token, Number(photoId), backgroundOf(c));
      c.header('cache-control', 'no-store');
      return c.json({ status: 'removed' as const }, 200);
    });
}
