import { readFileSync } from 'node:fs';
import { photoCodec } from '../functions/photo-codec.ts';
import { processPhoto } from '../functions/photo-process.ts';
import { nodePhotoWasm } from '../src/runtime/photo-wasm-node.ts';
import { peakMemory } from '../scripts/peak-memory.ts';

/**
 * One photo through the server's pipeline in a process of its own (bench/photos.ts): the
 * codecs loaded first, then the peak memory reset and the file decoded, scaled and encoded
 * `times` times. Prints one JSON line: the slowest and median time, the peak and what was stored.
 */
const [file, times = '3'] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file!));
const codec = photoCodec(nodePhotoWasm);
await codec.resize({ data: new Uint8ClampedArray(4 * 4 * 4), width: 4, height: 4 }, 2, 2);
const memory = peakMemory();
memory.reset();
const baselineMB = memory.mb();
const durations: number[] = [];
let stored: { suffix: string; bytes: number }[] = [];
let size = '';
for (let i = 0; i < Number(times); i++) {
  const started = performance.now();
  const photo = await processPhoto(codec, bytes, 'photo');
  durations.push(performance.now() - started);
  stored = photo.files.map((f) => ({ suffix: f.suffix, bytes: f.bytes.length }));
  size = `${photo.width}x${photo.height}`;
}
durations.sort((a, b) => a - b);
console.log(JSON.stringify({ baselineMB, medianMs: Math.round(durations[Math.floor(durations.length / 2)]!), maxMs: Math.round(durations.at(-1)!), peakMB: memory.mb(), size, stored }));
