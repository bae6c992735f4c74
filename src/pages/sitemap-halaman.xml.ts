import type { APIRoute } from 'astro';
import { categories, regencies, regencyPathSegment } from '../core/reference.ts';
import { urlset, xml } from '../lib/sitemap.ts';

/** The site's own pages: home, search, registration, procurement, privacy, each category and kabupaten/kota. */
export const GET: APIRoute = ({ site }) => {
  const paths = ['/', '/cari/', '/daftar/', '/pengadaan/', '/privasi/', ...categories.map((c) => `/kategori/${c.slug}/`), ...regencies.map((r) => `/wilayah/${regencyPathSegment(r.code)}/`)];
  return xml(urlset(paths.map((p) => ({ loc: new URL(p, site).toString() }))));
};
