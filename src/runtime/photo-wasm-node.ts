import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PhotoWasm } from '../../functions/photo-codec.ts';

const require = createRequire(import.meta.url);
const compile = async (file: string) => WebAssembly.compile(await readFile(require.resolve(file)));

/** The codecs' WebAssembly on Node, read from the installed packages once per process. */
export async function nodePhotoWasm(): Promise<PhotoWasm> {
  const [jpegDecode, jpegEncode, pngDecode, webpDecode, webpEncode, resize] = await Promise.all([
    compile('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'),
    compile('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'),
    compile('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'),
    compile('@jsquash/webp/codec/dec/webp_dec.wasm'),
    compile('@jsquash/webp/codec/enc/webp_enc_simd.wasm'),
    compile('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'),
  ]);
  return { jpegDecode, jpegEncode, pngDecode, webpDecode, webpEncode, resize };
}
