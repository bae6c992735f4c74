import type { APIRoute } from 'astro';
import { toWorkerApp } from '../../worker/app.ts';

export const prerender = false;

/** Every /api request on Cloudflare goes to the same Hono app that Node serves. */
export const ALL: APIRoute = toWorkerApp;
