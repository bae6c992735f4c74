import astro from '@astrojs/cloudflare/entrypoints/server';
import { runScheduled } from './runtime/scheduled.ts';

/**
 * The Cloudflare Worker: Astro answers every request; the Cron Triggers of wrangler.toml
 * run the daily open-data snapshot and the store-link checker (src/runtime/scheduled.ts).
 */
export default {
  fetch: astro.fetch,
  scheduled(controller: { cron: string; scheduledTime: number }, _env: unknown, ctx: { waitUntil(promise: Promise<unknown>): void }) {
    ctx.waitUntil(runScheduled(controller.cron, new Date(controller.scheduledTime)));
  },
};
