import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { fitWithin, OG_SIZE, PHOTO_BYTE_BUDGET, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_STORED, PHOTO_MIN_SIDE, sniffPhoto, storedWidths, THUMB_BYTE_BUDGET, THUMB_SIDE, type PhotoProblem } from '../src/core/photo-rules.ts';
import type { PhotoCodec, Pixels } from './photo-codec.ts';

/** One stored file of a photo: `<key>-<suffix>`. */
export interface PhotoFile {
  suffix: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface ProcessedPhoto {
  /** The largest stored size (the one `srcset` tops out at). */
  width: number;
  height: number;
  /** The stored widths, smallest first. */
  widths: number[];
  files: PhotoFile[];
}

/**
 * Makes a sent file into the photos to store, or throws the 422 naming `field`: injected
 * like the database. In the Worker it runs in the request's isolate (inProcess); `npm start`
 * runs it in a worker thread, so a photo never holds up a server process's other requests
 * and the codecs' memory is given back when no photo came for a while
 * (src/runtime/photo-thread.ts).
 */
export type PhotoProcessor = (bytes: Uint8Array, field: string) => Promise<ProcessedPhoto>;

/**
 * The processor that runs the codecs where it is called. `maxPixels` lowers the cap where
 * memory is tight: a Worker isolate has 128 MB, and decoding a 12 MP photo alone takes more,
 * so there the page's own shrinking (to 1,600 px) is the way in.
 */
export const inProcess =
  (codec: PhotoCodec, options: { maxPixels?: number } = {}): PhotoProcessor =>
  (bytes, field) =>
    processPhoto(codec, bytes, field, options);

/** The 422 for a refused photo, naming the form's field. */
export function photoError(field: string, problem: PhotoProblem | 'undecodable', maxPixels = PHOTO_MAX_PIXELS): AppError {
  const text = messages.photo;
  const message =
    problem === 'too-large'
      ? text['too-large'](PHOTO_MAX_BYTES / 1024 / 1024)
      : problem === 'too-many-pixels'
        ? text['too-many-pixels'](maxPixels / 1_000_000)
        : problem === 'too-small'
          ? text['too-small'](PHOTO_MIN_SIDE)
          : text[problem];
  return new AppError('VALIDATION_FAILED', messages.validationFailed, { fields: [{ path: field, message }] });
}

/** Encodes within a byte budget: the first quality that fits, stepping down; the last try is kept whatever its size. */
async function withinBudget(encode: (quality: number) => Promise<Uint8Array>, qualities: number[], budget: number) {
  let out: Uint8Array = new Uint8Array();
  for (const quality of qualities) {
    out = await encode(quality);
    if (out.length <= budget) break;
  }
  return out;
}

/**
 * A sent file made into the photos the portal stores, or a 422 naming `field`. Nothing of
 * the sent bytes survives: they are decoded to pixels (a JPEG's orientation applied) and
 * encoded anew, so no EXIF (GPS position included), comment or appended payload is kept
 * and a file that is also HTML or a script is only pixels afterwards. Stored: WebP at the
 * `srcset` widths (longest side at most 1,600 px, within 250 kB), a 160 px square WebP
 * card thumbnail (within 10 kB) and a 1200 x 630 JPEG for link previews.
 */
export async function processPhoto(codec: PhotoCodec, bytes: Uint8Array, field: string, options: { maxPixels?: number } = {}): Promise<ProcessedPhoto> {
  const sniffed = sniffPhoto(bytes);
  if ('problem' in sniffed) throw photoError(field, sniffed.problem);
  if (options.maxPixels !== undefined && sniffed.width * sniffed.height > options.maxPixels) throw photoError(field, 'too-many-pixels', options.maxPixels);
  let pixels: Pixels;
  try {
    pixels = await codec.decode(sniffed.format, bytes);
  } catch (cause) {
    throw Object.assign(photoError(field, 'undecodable'), { cause });
  }
  // The decoder's size must be the one the header declared (turned a quarter for EXIF orientation).
  const declared = [sniffed.width, sniffed.height].sort().join('x');
  if ([pixels.width, pixels.height].sort().join('x') !== declared) throw photoError(field, 'undecodable');

  const top = fitWithin(pixels.width, pixels.height, PHOTO_MAX_STORED);
  const widths = storedWidths(top.width);
  const files: PhotoFile[] = [];
  // Largest first, each smaller one scaled from the one before: sharper and cheaper than from
  // the original. The first step from a camera's full size scales in 8-bit sRGB (a 12 MP photo:
  // 0.7 s and 136 MB instead of 1.5 s and 348 MB in linear light); the smaller steps in linear light.
  let source = await codec.resize(pixels, top.width, top.height, { fast: pixels.width * pixels.height > 4_000_000 });
  pixels = source;
  for (const width of [...widths].reverse()) {
    const height = Math.max(1, Math.round((top.height * width) / top.width));
    source = await codec.resize(source, width, height);
    const scaled = source;
    files.push({ suffix: `${width}.webp`, contentType: 'image/webp', bytes: await withinBudget((q) => codec.webp(scaled, q), [78, 70, 62, 54, 46], PHOTO_BYTE_BUDGET) });
  }
  const thumb = await codec.resize(source, THUMB_SIDE, THUMB_SIDE, { crop: true });
  files.push({ suffix: 'thumb.webp', contentType: 'image/webp', bytes: await withinBudget((q) => codec.webp(thumb, q), [62, 52, 42, 32], THUMB_BYTE_BUDGET) });
  const og = await codec.resize(pixels, OG_SIZE.width, OG_SIZE.height, { crop: true });
  files.push({ suffix: 'og.jpg', contentType: 'image/jpeg', bytes: await withinBudget((q) => codec.jpeg(og, q), [80, 70, 60], PHOTO_BYTE_BUDGET) });
  return { width: top.width, height: top.height, widths, files };
}
