import { describe, expect, it } from 'vitest';
import { freshApp, onEdge } from '../helpers.ts';
import { deployHookPublisher, requestPublish } from '../../functions/publish.ts';
import { siteBuilds } from '../../db/schema.ts';

/**
 * Publishing in production: the deploy hook is Cloudflare's, outside our walls, so the one
 * thing replaced here is its HTTP endpoint (a stand-in that records calls).
 */
describe.skipIf(onEdge)('publishing after an approval', () => {
  it('POSTs the deploy hook and records the request', async () => {
    const { db } = await freshApp();
    const calls: { url: string; method: string | undefined }[] = [];
    const hook: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), method: init?.method });
      return Response.json({ success: true });
    };
    const at = new Date('2026-11-29T08:00:00Z');
    await deployHookPublisher({ url: 'https://api.cloudflare.com/hooks/abc', db, fetch: hook, clock: () => at })();
    expect(calls).toEqual([{ url: 'https://api.cloudflare.com/hooks/abc', method: 'POST' }]);
    expect(await db.select().from(siteBuilds)).toEqual([expect.objectContaining({ kind: 'requested', snapshotAt: at })]);
  });

  it('logs a refused hook call instead of failing the approval, and records nothing', async () => {
    const { db } = await freshApp();
    const logged: string[] = [];
    const publishSite = deployHookPublisher({ url: 'https://api.cloudflare.com/hooks/abc', db, fetch: async () => new Response('no', { status: 404 }), clock: () => new Date() });
    await requestPublish({ publishSite, log: (message) => logged.push(message) });
    expect(logged).toEqual(['Permintaan membangun ulang situs gagal']);
    expect(await db.select().from(siteBuilds)).toEqual([]);
  });

  it('hands the work to the Worker’s waitUntil when there is one, so the response does not wait', async () => {
    let release: () => void = () => {};
    const slowHook = () => new Promise<void>((resolve) => (release = resolve));
    const waited: Promise<unknown>[] = [];
    let settled = false;
    await requestPublish({ publishSite: slowHook, log: () => {} }, (work) => waited.push(work.then(() => (settled = true))));
    expect(waited).toHaveLength(1);
    expect(settled).toBe(false);
    release();
    await waited[0];
    expect(settled).toBe(true);
  });
});
