import type { APIRoute } from 'astro';
import { toWorkerApp } from '../../worker/app.ts';

export const prerender = false;

/** Staff sign-in, review queue and mentors' registrations, served by the Hono app on Cloudflare too. */
export const ALL: APIRoute = toWorkerApp;
