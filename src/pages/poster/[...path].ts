import type { APIRoute } from 'astro';
import { toApi } from '../../runtime/to-api.ts';

export const prerender = false;

/** Printable posters are rendered by the Hono app on Cloudflare too. */
export const GET: APIRoute = toApi;
