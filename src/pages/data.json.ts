import type { APIRoute } from 'astro';
import { latestOpenData } from '../../functions/services/open-data.ts';
import { openDataCatalog } from '../lib/open-data-catalog.ts';

/** The DCAT-US 1.1 catalogue (data.json) of the portal's open data, for harvesters. */
export const prerender = false;

export const GET: APIRoute = async ({ locals }) => {
  const { files, config, clock } = locals.portal.deps;
  const manifest = files ? await latestOpenData(files) : null;
  return new Response(JSON.stringify(openDataCatalog(config.SITE_URL, manifest, clock()), null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600', ...(manifest ? { 'last-modified': new Date(manifest.generatedAt).toUTCString() } : {}) },
  });
};
