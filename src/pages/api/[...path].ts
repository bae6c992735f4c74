import type { APIRoute } from 'astro';
import { toApi } from '../../runtime/to-api.ts';

export const prerender = false;

/** Every /api request on Cloudflare goes to the same Hono app that Node serves. */
export const ALL: APIRoute = toApi;
