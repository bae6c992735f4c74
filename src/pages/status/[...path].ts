import type { APIRoute } from 'astro';
import { toApi } from '../../runtime/to-api.ts';

export const prerender = false;

/** The owner's private page, its change and removal forms, served by the Hono app on Cloudflare too. */
export const ALL: APIRoute = toApi;
