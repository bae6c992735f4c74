import { escapeHtml } from '../core/text.ts';

/** Profiles per sitemap file: the protocol's limit is 50,000 URLs. */
export const SITEMAP_SIZE = 50_000;

/** An XML answer (sitemaps). */
export function xml(body: string): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}

/** A <urlset> of these addresses. */
export function urlset(entries: { loc: string; lastmod?: string }[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeHtml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>`;
}
