/**
 * What a photo may be, read from its bytes before anything decodes it. The server never
 * trusts a file's name or type: the first bytes say what it is, the header says how many
 * pixels it would decode to (a decompression bomb is refused here, before one byte is
 * allocated for it), and the end says whether it arrived whole.
 */

/** What a photo shows: a product, the shop front, or the logo. */
export const photoKinds = ['produk', 'toko', 'logo'] as const;
export type PhotoKind = (typeof photoKinds)[number];
export const photoKindLabels: Record<PhotoKind, string> = { produk: 'Produk', toko: 'Tempat usaha', logo: 'Logo' };

/** Photos per listing. */
export const MAX_PHOTOS = 8;
/** The largest file accepted (a 48-megapixel phone JPEG is about 12 MB; the page scales before sending). */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
/** The most pixels a photo may declare: 25 MP (a 12 MP phone photo is 4000 x 3000). More is refused before decoding. */
export const PHOTO_MAX_PIXELS = 25_000_000;
/** The longest side a photo may declare. */
export const PHOTO_MAX_SIDE = 12_000;
/** The smallest photo worth showing. */
export const PHOTO_MIN_SIDE = 200;
/** The widths stored for `srcset` (never wider than the photo itself). */
export const PHOTO_WIDTHS = [400, 800, 1600] as const;
/** The longest side stored. */
export const PHOTO_MAX_STORED = 1600;
/** The square card thumbnail's side. */
export const THUMB_SIDE = 160;
/** The Open Graph picture (WhatsApp, Facebook): 1200 x 630, JPEG for every previewer. */
export const OG_SIZE = { width: 1200, height: 630 } as const;
/** Byte budgets the encoder keeps to, lowering quality when a photo needs it. */
export const PHOTO_BYTE_BUDGET = 250 * 1024;
export const THUMB_BYTE_BUDGET = 10 * 1024;

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** Why a file is not a photo we take, each with its own message (src/core/messages.ts). */
export type PhotoProblem = 'empty' | 'too-large' | 'svg' | 'heic' | 'gif' | 'not-image' | 'truncated' | 'too-many-pixels' | 'too-small';

export type Sniffed = { format: PhotoFormat; width: number; height: number } | { problem: PhotoProblem };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number) => (u16be(b, i) * 65536 + u16be(b, i + 2)) >>> 0;
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, i: number) => (u24le(b, i) + (b[i + 3] ?? 0) * 16777216) >>> 0;

/** HEIF brands (iPhone photos are HEIC; AVIF is HEIF with AV1): the codecs here decode none of them. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** What the bytes are and the size they declare, or why they are refused. */
export function sniffPhoto(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { problem: 'too-large' };
  let found: Sniffed | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) found = jpegSize(bytes);
  else if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') found = pngSize(bytes);
  else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') found = webpSize(bytes);
  else if (ascii(bytes, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 4))) return { problem: 'heic' };
  else if (ascii(bytes, 0, 4) === 'GIF8') return { problem: 'gif' };
  else if (/<svg[\s>]/i.test(new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)))) return { problem: 'svg' };
  else return { problem: 'not-image' };
  if ('problem' in found) return found;
  if (found.width > PHOTO_MAX_SIDE || found.height > PHOTO_MAX_SIDE || found.width * found.height > PHOTO_MAX_PIXELS) return { problem: 'too-many-pixels' };
  if (found.width < PHOTO_MIN_SIDE || found.height < PHOTO_MIN_SIDE) return { problem: 'too-small' };
  return found;
}

/** A JPEG's frame size from its SOF marker, and whether its end-of-image marker arrived after the scan. */
function jpegSize(b: Uint8Array): Sniffed {
  let i = 2;
  let size: { width: number; height: number } | null = null;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { problem: 'not-image' };
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return { problem: 'not-image' };
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > b.length) return { problem: 'truncated' };
      size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xda) {
      if (!size) return { problem: 'not-image' };
      // In the entropy-coded data every 0xFF is followed by 0x00 or a restart marker:
      // FF D9 after the first scan is the end of the image, wherever trailing data follows.
      for (let j = i + 2 + length; j + 1 < b.length; j++) if (b[j] === 0xff && b[j + 1] === 0xd9) return { format: 'jpeg', ...size };
      return { problem: 'truncated' };
    }
    i += 2 + length;
  }
  return { problem: 'truncated' };
}

function pngSize(b: Uint8Array): Sniffed {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return { problem: 'truncated' };
  // IEND closes every whole PNG; its 12 bytes sit at the end unless something was appended.
  let whole = false;
  for (let j = b.length - 8; j >= 33; j--) {
    if (b[j] === 0x49 && ascii(b, j, 4) === 'IEND') {
      whole = true;
      break;
    }
  }
  if (!whole) return { problem: 'truncated' };
  return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
}

function webpSize(b: Uint8Array): Sniffed {
  if (u32le(b, 4) + 8 > b.length || b.length < 30) return { problem: 'truncated' };
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return { problem: 'not-image' };
}
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);

/** The width and height that fit inside `max` x `max`, never larger than the photo. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The widths stored for a photo this wide: every standard width below it, and the photo's own width when it is smaller than the largest. */
export function storedWidths(width: number): number[] {
  const below = PHOTO_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, PHOTO_MAX_STORED);
  return [...below.filter((w) => w < top), top];
}
