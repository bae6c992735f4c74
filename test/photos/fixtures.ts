import { photoCodec, type Pixels } from '../../functions/photo-codec.ts';
import { nodePhotoWasm } from '../../src/runtime/photo-wasm-node.ts';

/** The real codec on Node, for making test photos and reading stored ones back. */
export const codec = photoCodec(nodePhotoWasm);

/**
 * A photo-like picture: soft gradients, round shapes, texture and sensor noise, so encoders meet
 * what a phone camera gives them (a flat colour would compress to nothing, pure noise
 * would not compress at all). Deterministic.
 */
export function photoPixels(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ((seed >> 16) % 33) - 16;
  };
  const blobs = Array.from({ length: 7 }, (_, i) => ({ x: ((i * 37) % 10) / 10 * width, y: ((i * 53) % 10) / 10 * height, r: (0.08 + (i % 3) * 0.06) * Math.min(width, height), c: [200 - i * 20, 80 + i * 22, 60 + i * 25] }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      // Fine texture (cloth, wood grain, crumbs) as a camera sees it.
      const grain = 22 * Math.sin((x + y) / 5) * Math.cos(x / 11);
      let r = 120 + (100 * x) / width + grain;
      let g = 90 + (120 * y) / height + grain;
      let b = 160 - (80 * (x + y)) / (width + height) + grain;
      for (const blob of blobs) {
        const d = Math.hypot(x - blob.x, y - blob.y);
        if (d < blob.r) {
          const k = 1 - d / blob.r;
          r = r * (1 - k) + blob.c[0]! * k;
          g = g * (1 - k) + blob.c[1]! * k;
          b = b * (1 - k) + blob.c[2]! * k;
        }
      }
      data[o] = r + noise();
      data[o + 1] = g + noise();
      data[o + 2] = b + noise();
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

/** An APP1 EXIF segment with a camera make, an orientation and a GPS position (6°54'S 107°36'E, Bandung). */
export function exifSegment(orientation = 1): Uint8Array {
  // Big-endian TIFF: IFD0 at 8 with Make, Orientation and the GPS IFD pointer; the GPS IFD after it.
  const tiff: number[] = [];
  const u16 = (n: number) => tiff.push((n >> 8) & 255, n & 255);
  const u32 = (n: number) => tiff.push((n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255);
  const entry = (tag: number, type: number, count: number, value: number) => (u16(tag), u16(type), u32(count), u32(value));
  tiff.push(0x4d, 0x4d, 0x00, 0x2a);
  u32(8);
  // IFD0: 3 entries (8 + 2 + 36 + 4 = 50), then the make text (8 bytes) at 50, the GPS IFD at 58.
  u16(3);
  entry(0x010f, 2, 8, 50);
  tiff.push(0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (orientation >> 8) & 255, orientation & 255, 0, 0);
  entry(0x8825, 4, 1, 58);
  u32(0);
  for (const ch of 'PONSEL1\0') tiff.push(ch.charCodeAt(0));
  // GPS IFD: 4 entries (58 + 2 + 48 + 4 = 112), rationals from 112.
  u16(4);
  tiff.push(0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x53, 0x00, 0x00, 0x00);
  entry(0x0002, 5, 3, 112);
  tiff.push(0x00, 0x03, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x45, 0x00, 0x00, 0x00);
  entry(0x0004, 5, 3, 136);
  u32(0);
  for (const [n, d] of [[6, 1], [54, 1], [1234, 100], [107, 1], [36, 1], [5678, 100]] as const) (u32(n), u32(d));
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  return new Uint8Array([0xff, 0xe1, ((body.length + 2) >> 8) & 255, (body.length + 2) & 255, ...body]);
}

/** A JPEG with the EXIF segment put right after its start marker, as cameras write it. */
export function withExif(jpeg: Uint8Array, orientation = 1): Uint8Array {
  const app1 = exifSegment(orientation);
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** True when `needle` occurs in `bytes`. */
export function contains(bytes: Uint8Array, needle: string | number[]): boolean {
  const n = typeof needle === 'string' ? [...needle].map((c) => c.charCodeAt(0)) : needle;
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
