import type { APIRoute } from 'astro';

/** The Worker's execution context, which the Cloudflare adapter puts in Astro's locals (absent on Node). */
interface WorkerLocals {
  cfContext?: { waitUntil(promise: Promise<unknown>): void; passThroughOnException(): void; props: unknown };
}

/**
 * An Astro endpoint that hands its request to the JSON API (Hono) of this runtime, with
 * the client's address (for the write limit) and the Worker's execution context, so work
 * can finish after the response (waitUntil).
 */
export const toApi: APIRoute = ({ request, locals, clientAddress }) => locals.portal.api.fetch(request, { clientAddress }, (locals as WorkerLocals).cfContext);
