import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { afterAll, describe, expect, it } from 'vitest';
import { r2FileStore, type R2Bucket } from '../../src/runtime/files-r2.ts';

/**
 * The R2 file store against the local R2 of wrangler (the bucket binding FILES of
 * wrangler.toml, through wrangler's getPlatformProxy, as `npm run test:edge` uses it in
 * workerd): here with files large enough for a multipart upload.
 */
const state = mkdtempSync(join(tmpdir(), 'etalase-r2-'));
const proxy = await getPlatformProxy<{ FILES: unknown }>({ configPath: 'wrangler.toml', persist: { path: state } });
afterAll(async () => {
  await proxy.dispose();
  rmSync(state, { recursive: true, force: true });
});
const files = r2FileStore(proxy.env.FILES as R2Bucket);

/** A stream of `mb` MiB of bytes that say where they are, in uneven chunks. */
function bytes(mb: number): { stream: ReadableStream<Uint8Array>; expected: Uint8Array } {
  const expected = new Uint8Array(mb * 1024 * 1024 + 12345);
  for (let i = 0; i < expected.length; i++) expected[i] = (i * 31 + (i >> 12)) & 0xff;
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= expected.length) return controller.close();
      const n = Math.min(expected.length - at, 700_001);
      controller.enqueue(expected.slice(at, at + n));
      at += n;
    },
  });
  return { stream, expected };
}

describe('the R2 file store', () => {
  it('uploads a stream of unknown length in 8 MiB parts and reads back every byte', async () => {
    const { stream, expected } = bytes(19);
    const put = await files.put('data-terbuka/besar.csv.gz', stream, { contentType: 'application/gzip' });
    expect(put.size).toBe(expected.length);
    const got = await files.get('data-terbuka/besar.csv.gz');
    expect(got?.contentType).toBe('application/gzip');
    expect(new Uint8Array(await new Response(got!.body).arrayBuffer())).toEqual(expected);
  }, 60_000);

  it('puts a small stream whole, lists by prefix and deletes', async () => {
    await files.put('data-terbuka/kecil.json', new Blob(['{"a":1}']).stream(), { contentType: 'application/json' });
    expect((await files.head('data-terbuka/kecil.json'))?.size).toBe(7);
    expect((await files.list('data-terbuka/')).map((f) => f.key)).toEqual(['data-terbuka/besar.csv.gz', 'data-terbuka/kecil.json']);
    await files.delete('data-terbuka/kecil.json');
    expect(await files.get('data-terbuka/kecil.json')).toBeNull();
  });

  it('refuses a key that is not a plain path', async () => {
    await expect(files.put('../x', 'y', { contentType: 'text/plain' })).rejects.toThrow('kunci berkas tidak sah');
  });
});
