import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/local.ts';
import { msmes } from '../db/schema.ts';
import { photosOf, publishPhotos } from '../db/queries/photos.ts';
import { withDefaults } from '../functions/app.ts';
import { addPhoto } from '../functions/services/photos.ts';
import { inProcess } from '../functions/photo-process.ts';
import { filesDirFor, folderFileStore } from '../src/runtime/files-folder.ts';
import { codec, photoPixels, withExif } from '../test/photos/fixtures.ts';

const child = fileURLToPath(new URL('./photo-child.ts', import.meta.url));

function run(file: string): Promise<{ medianMs: number; maxMs: number; peakMB: number; size: string; stored: { suffix: string; bytes: number }[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', child, file, '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`bench foto gagal:\n${out.slice(-2000)}`))));
  });
}

/**
 * The server's photo pipeline, each in a process of its own: a 12-megapixel camera JPEG sent
 * as it is (a phone without JavaScript) and the 1,600 px JPEG the page sends after shrinking
 * it. Time per photo (median and slowest of 5) and the process's peak memory.
 */
export async function benchPhotoPipeline() {
  const dir = mkdtempSync(join(tmpdir(), 'etalase-foto-'));
  try {
    const camera = join(dir, 'kamera-12mp.jpg');
    writeFileSync(camera, withExif(await codec.jpeg(photoPixels(4000, 3000), 90), 6));
    const shrunk = join(dir, 'dikecilkan-1600.jpg');
    writeFileSync(shrunk, await codec.jpeg(photoPixels(1600, 1200), 88));
    return { camera: await run(camera), shrunk: await run(shrunk) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Eight published photos on one listing of the bench database (its files beside it), for
 * Lighthouse's "profile with 8 photos". Done once per database: a listing that has them keeps them.
 */
export async function profileWithPhotos(databaseUrl: string, slug: string): Promise<string> {
  const { db, client } = await openDb(databaseUrl);
  try {
    const [m] = await db.select({ id: msmes.id }).from(msmes).where(eq(msmes.slug, slug));
    if (!m) throw new Error(`listing ${slug} tidak ada`);
    if ((await photosOf(db, m.id, { all: true })).length < 8) {
      const deps = withDefaults({ db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 20 }, files: folderFileStore(filesDirFor({ DATABASE_URL: databaseUrl })), photos: inProcess(codec) });
      for (let i = 0; i < 8; i++) {
        const kind = i === 0 ? 'produk' : i === 7 ? 'logo' : i === 6 ? 'toko' : 'produk';
        await addPhoto(deps, m.id, { file: await codec.jpeg(photoPixels(1600 - i * 40, 1200 - i * 30), 88), kind, caption: `Foto contoh ${i + 1}` }, 'bench');
      }
      await publishPhotos(db, m.id, new Date());
    }
    return `/umkm/${slug}/`;
  } finally {
    client.close();
  }
}
