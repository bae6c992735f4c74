import type { APIRoute } from 'astro';
import { profileSitemapPages } from '../../db/queries/directory.ts';
import { pageTags } from '../core/page-tags.ts';
import { cachePage } from '../lib/page-cache.ts';
import { SITEMAP_SIZE, xml } from '../lib/sitemap.ts';
import { escapeHtml } from '../core/text.ts';

export const prerender = false;

/** The sitemap index: the site's pages, then the profiles in files of at most 50,000 URLs. */
export const GET: APIRoute = async (context) => {
  const pages = await profileSitemapPages(context.locals.portal.deps.db, SITEMAP_SIZE);
  cachePage(context, [pageTags.directory]);
  const files = ['/sitemap-halaman.xml', ...Array.from({ length: pages }, (_, i) => `/sitemap-umkm-${i + 1}.xml`)];
  const entries = files.map((f) => `<sitemap><loc>${escapeHtml(new URL(f, context.site).toString())}</loc></sitemap>`);
  return xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>`);
};
