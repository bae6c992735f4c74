import type { APIRoute } from 'astro';
import { toApi } from '../../runtime/to-api.ts';

export const prerender = false;

/** The supplier finder is rendered by the Hono app on Cloudflare too. */
export const GET: APIRoute = toApi;
