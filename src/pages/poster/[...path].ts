import type { APIRoute } from 'astro';
import { toWorkerApp } from '../../worker/app.ts';

export const prerender = false;

/** Printable posters are rendered by the Hono app on Cloudflare too. */
export const GET: APIRoute = toWorkerApp;
