import type { APIRoute } from 'astro';
import { toApi } from '../../runtime/to-api.ts';

export const prerender = false;

/** Staff sign-in, review queue and mentors' registrations, served by the Hono app on Cloudflare too. */
export const ALL: APIRoute = toApi;
