import decodeJpeg, { init as initJpegDecode } from '@jsquash/jpeg/decode.js';
import encodeJpeg, { init as initJpegEncode } from '@jsquash/jpeg/encode.js';
import decodePng, { init as initPngDecode } from '@jsquash/png/decode.js';
import resize, { initResize } from '@jsquash/resize';
import decodeWebp, { init as initWebpDecode } from '@jsquash/webp/decode.js';
import encodeWebp, { init as initWebpEncode } from '@jsquash/webp/encode.js';
import type { PhotoFormat } from '../src/core/photo-rules.ts';

/**
 * The compiled WebAssembly of the Squoosh codecs (jSquash): MozJPEG, libwebp, the png
 * crate and Squoosh's resizer. Each runtime brings its own (src/runtime/photo-wasm-*.ts):
 * Node reads the files, the Worker imports them as modules (workerd compiles no code at
 * run time), so the same code below runs on both.
 */
export interface PhotoWasm {
  jpegDecode: WebAssembly.Module;
  jpegEncode: WebAssembly.Module;
  pngDecode: WebAssembly.Module;
  webpDecode: WebAssembly.Module;
  /** The SIMD build of the WebP encoder (Node and workerd both have WebAssembly SIMD). */
  webpEncode: WebAssembly.Module;
  resize: WebAssembly.Module;
}

/** Pixels in RGBA order, as the codecs give and take them. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Decoding, scaling and encoding, the only image work the portal does. */
export interface PhotoCodec {
  /** The pixels, turned as a JPEG's EXIF orientation says (preserveOrientation: true); throws on a file the codec cannot read. */
  decode(format: PhotoFormat, bytes: Uint8Array): Promise<Pixels>;
  /**
   * Scaled to exactly width x height. `crop` cuts the middle to that shape instead of
   * stretching; `fast` scales in 8-bit sRGB instead of linear light (half the memory and time).
   */
  resize(pixels: Pixels, width: number, height: number, options?: { crop?: boolean; fast?: boolean }): Promise<Pixels>;
  webp(pixels: Pixels, quality: number): Promise<Uint8Array>;
  jpeg(pixels: Pixels, quality: number): Promise<Uint8Array>;
}

/** The codecs build ImageData, which neither Node nor workerd has. */
function ensureImageData() {
  if (typeof globalThis.ImageData === 'function') return;
  class ImageDataShim {
    readonly colorSpace = 'srgb';
    readonly data: Uint8ClampedArray;
    readonly width: number;
    readonly height: number;
    constructor(data: Uint8ClampedArray, width: number, height: number) {
      this.data = data;
      this.width = width;
      this.height = height;
    }
  }
  (globalThis as { ImageData?: unknown }).ImageData = ImageDataShim;
}

const asImageData = (p: Pixels) => p as unknown as ImageData;
const buffer = (bytes: Uint8Array): ArrayBuffer => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer));

let ready: Promise<void> | undefined;

/** The codec over the given WebAssembly, initialised once per process or isolate. */
export function photoCodec(load: () => Promise<PhotoWasm>): PhotoCodec {
  const init = () =>
    (ready ??= (async () => {
      ensureImageData();
      const wasm = await load();
      await Promise.all([initJpegDecode(wasm.jpegDecode), initJpegEncode(wasm.jpegEncode), initPngDecode(wasm.pngDecode), initWebpDecode(wasm.webpDecode), initWebpEncode(wasm.webpEncode), initResize(wasm.resize)]);
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  return {
    async decode(format, bytes) {
      await init();
      const input = buffer(bytes);
      const image = format === 'jpeg' ? await decodeJpeg(input, { preserveOrientation: true }) : format === 'png' ? await decodePng(input) : await decodeWebp(input);
      return { data: image.data, width: image.width, height: image.height };
    },
    async resize(pixels, width, height, { crop = false, fast = false } = {}) {
      await init();
      if (pixels.width === width && pixels.height === height) return pixels;
      // Cropping moves pixels within the buffer it is given: a copy, so the caller's stays whole.
      const input = crop ? { ...pixels, data: pixels.data.slice() } : pixels;
      const out = await resize(asImageData(input), { width, height, method: 'lanczos3', fitMethod: crop ? 'contain' : 'stretch', premultiply: !fast, linearRGB: !fast });
      return { data: out.data, width: out.width, height: out.height };
    },
    async webp(pixels, quality) {
      await init();
      return new Uint8Array(await encodeWebp(asImageData(pixels), { quality, method: 4 }));
    },
    async jpeg(pixels, quality) {
      await init();
      return new Uint8Array(await encodeJpeg(asImageData(pixels), { quality, progressive: true, optimize_coding: true }));
    },
  };
}
