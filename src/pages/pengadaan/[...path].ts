import type { APIRoute } from 'astro';
import { workerApp } from '../../worker/app.ts';

export const prerender = false;

/** The supplier finder is rendered by the Hono app on Cloudflare too. */
export const GET: APIRoute = ({ request }) => workerApp().fetch(request);
