import type { APIRoute } from 'astro';
import { profileSitemapEntries } from '../../db/queries/directory.ts';
import { pageTags } from '../core/page-tags.ts';
import { cachePage } from '../lib/page-cache.ts';
import { SITEMAP_SIZE, urlset, xml } from '../lib/sitemap.ts';

export const prerender = false;

/** Published profiles, block `n` of listing ids: at most 50,000 URLs, one seek however large the directory. */
export const GET: APIRoute = async (context) => {
  const n = context.params.n ?? '';
  if (!/^[1-9]\d{0,3}$/.test(n)) return new Response('Berkas peta situs tidak ada.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const rows = await profileSitemapEntries(context.locals.portal.deps.db, Number(n), SITEMAP_SIZE);
  cachePage(context, [pageTags.directory]);
  return xml(urlset(rows.map((r) => ({ loc: new URL(`/umkm/${r.slug}/`, context.site).toString(), lastmod: r.updatedAt.toISOString().slice(0, 10) }))));
};
