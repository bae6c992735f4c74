import type { APIRoute } from 'astro';
import { toWorkerApp } from '../../worker/app.ts';

export const prerender = false;

/** The supplier finder is rendered by the Hono app on Cloudflare too. */
export const GET: APIRoute = toWorkerApp;
