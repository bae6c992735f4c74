import type { APIRoute } from 'astro';
import { regencies } from '../core/reference.ts';

/**
 * Every kecamatan per kabupaten/kota (Kemendagri codes), a static file built once: the form
 * on an owner's edit page lists only its own kabupaten/kota's kecamatan and fetches the
 * others from here when the owner picks another (src/scripts/registration.ts).
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(Object.fromEntries(regencies.map((r) => [r.code, { name: r.name, districts: r.districts.map((d) => [d.code, d.name]) }]))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
