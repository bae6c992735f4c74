import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { validRegistration } from '../helpers.ts';
import { codec, photoPixels } from '../photos/fixtures.ts';
import { startPortal, tempDir, type RunningPortal } from './portal.ts';

// Photos the way `npm start` takes them: two server processes on one database file and one
// files folder, twelve uploads at once for one listing that may hold eight. The count is
// checked in the statement that stores the row, so exactly eight win whichever process
// each upload reaches, and no loser leaves a file behind.
const dir = tempDir('drill-photos');
let portal: RunningPortal;
const jpeg = await codec.jpeg(photoPixels(800, 600), 85);

beforeAll(async () => {
  portal = await startPortal({ databaseUrl: `file:${join(dir, 'etalase.db')}`, workers: 2 });
});
afterAll(async () => {
  await portal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('photo uploads on two server processes', () => {
  it('keeps exactly eight of twelve concurrent uploads, with the files of those eight and no others', { timeout: 120_000 }, async () => {
    const reg = await fetch(new URL('/api/registrations', portal.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validRegistration({ name: 'Surabi Enhaii Drill' })) });
    expect(reg.status).toBe(201);
    const { statusToken } = (await reg.json()) as { statusToken: string };
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async () => {
        // The file as the body, as an integration sends it; a new connection each, so node:cluster spreads them over both processes.
        const res = await fetch(new URL(`/api/registrations/${statusToken}/photos?caption=Surabi`, portal.url), { method: 'POST', body: new Uint8Array(jpeg), headers: { connection: 'close', 'content-type': 'image/jpeg' } });
        return { status: res.status, body: (await res.json()) as { errors?: { path: string; message: string }[] } };
      }),
    );
    console.log(`drill: 12 photo uploads at once on two processes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(8);
    const refused = answers.filter((a) => a.status === 422);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.body.errors?.[0]).toMatchObject({ path: 'photo', message: expect.stringMatching(/paling banyak 8 foto/) });
    const status = (await (await fetch(new URL(`/api/registrations/${statusToken}`, portal.url))).json()) as { photos: { srcset: string; thumbnail: string; preview: string }[] };
    expect(status.photos).toHaveLength(8);
    // On disk: the files of those eight photos, and nothing else (no loser's files, no temporary file).
    const listing = readdirSync(join(dir, 'files', 'foto'))[0]!;
    const onDisk = readdirSync(join(dir, 'files', 'foto', listing)).sort();
    const expected = status.photos.flatMap((p) => [...p.srcset.split(', ').map((s) => s.split(' ')[0]!), p.thumbnail, p.preview]).map((path) => path.split('/').pop()!).sort();
    // Each file with the folder store's sidecar of its type and checksum.
    expect(onDisk).toEqual(expected.flatMap((name) => [name, `${name}.meta.json`]).sort());
  });
});
