import type { APIRoute } from 'astro';
import { allListings, PAGE_SIZE } from '../lib/directory.ts';
import { categories, regencies, regencyPathSegment } from '../core/reference.ts';

/** Every public page: home, search, registration, each category and region page, each profile. */
export const GET: APIRoute = async ({ site }) => {
  const listings = await allListings();
  const pages = (base: string, n: number) =>
    Array.from({ length: Math.max(1, Math.ceil(n / PAGE_SIZE)) }, (_, i) => (i === 0 ? base : `${base}${i + 1}/`));
  const paths = [
    '/',
    '/cari/',
    '/daftar/',
    '/privasi/',
    ...categories.flatMap((c) => pages(`/kategori/${c.slug}/`, listings.filter((m) => m.category === c.slug).length)),
    ...regencies.flatMap((r) => pages(`/wilayah/${regencyPathSegment(r.code)}/`, listings.filter((m) => m.regencyCode === r.code).length)),
  ];
  const urls = [
    ...paths.map((p) => `<url><loc>${new URL(p, site)}</loc></url>`),
    ...listings.map((m) => `<url><loc>${new URL(`/umkm/${m.slug}/`, site)}</loc><lastmod>${m.updatedAt.slice(0, 10)}</lastmod></url>`),
  ];
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
