import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { threadPhotoProcessor } from '../../src/runtime/photo-thread.ts';
import { codec, photoPixels } from '../photos/fixtures.ts';

// npm start's photo processor: the codecs in a worker thread that stops when idle.
describe('the photo thread', () => {
  it('processes photos one by one, stops when idle and starts again for the next, and hands refusals back as 422s', { timeout: 60_000 }, async () => {
    const processor = threadPhotoProcessor({ idleMs: 50 });
    const jpeg = await codec.jpeg(photoPixels(900, 600), 85);
    const [a, b] = await Promise.all([processor(jpeg, 'photo'), processor(jpeg, 'photo')]);
    expect(a.widths).toEqual([400, 800, 900]);
    expect(b.files.map((f) => f.suffix)).toEqual(['900.webp', '800.webp', '400.webp', 'thumb.webp', 'og.jpg']);
    // The thread is gone after 50 ms without a photo; the next photo starts another.
    await new Promise((r) => setTimeout(r, 200));
    const again = await processor(jpeg, 'photo');
    expect(String.fromCharCode(...again.files[0]!.bytes.subarray(8, 12))).toBe('WEBP');
    const refused = await processor(new TextEncoder().encode('bukan foto'), 'photo').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).fields).toEqual([{ path: 'photo', message: expect.stringMatching(/bukan foto JPEG/) }]);
    await processor.stop();
  });
});
