import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { validRegistration } from '../helpers.ts';
import { codec, photoPixels } from '../photos/fixtures.ts';
import { integrityChecks, runCommand, startPortal, tempDir, type RunningPortal } from './portal.ts';

// What owners were told was saved must survive a crash, and a backup taken while they
// write must hold everything acknowledged before it began, restorable into a new folder.
const dirs: string[] = [];
const running: RunningPortal[] = [];
afterAll(async () => {
  for (const portal of running) await portal.stop().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function newDatabase(name: string) {
  const dir = tempDir(name);
  dirs.push(dir);
  return { dir, url: `file:${join(dir, 'etalase.db')}` };
}

async function start(databaseUrl: string) {
  const portal = await startPortal({ databaseUrl, workers: 2, sample: 5 });
  running.push(portal);
  return portal;
}

async function register(portal: RunningPortal, name: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${portal.url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validRegistration({ name })) });
    return res.status === 201 ? ((await res.json()) as { slug: string }).slug : undefined;
  } catch {
    return undefined;
  }
}

/** Which of these slugs a database file holds. */
async function presentSlugs(databaseUrl: string, slugs: string[]): Promise<Set<string>> {
  const client = createClient({ url: databaseUrl });
  try {
    const found = new Set<string>();
    for (let i = 0; i < slugs.length; i += 200) {
      const chunk = slugs.slice(i, i + 200);
      const rows = await client.execute({ sql: `SELECT slug FROM msmes WHERE slug IN (${chunk.map(() => '?').join(',')})`, args: chunk });
      for (const row of rows.rows) found.add(String(row[0]));
    }
    return found;
  } finally {
    client.close();
  }
}

describe('crash and backup drills', () => {
  it('keeps every acknowledged registration through a kill -9 during 500 concurrent ones', { timeout: 120_000 }, async () => {
    const { url } = newDatabase('crash');
    let portal = await start(url);
    const acknowledged: string[] = [];
    let crashed: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const slug = await register(portal, `Peuyeum Bandung Padam ${i}`);
        if (slug && !crashed) acknowledged.push(slug);
        if (acknowledged.length >= 150) crashed ??= portal.crash();
      }),
    );
    await crashed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(acknowledged.length).toBeLessThan(500);

    portal = await start(url);
    expect((await presentSlugs(url, acknowledged)).size).toBe(acknowledged.length);
    expect(await register(portal, 'Peuyeum Bandung Setelah Padam')).toBeDefined();
    expect(await portal.stop()).toBe(0);
    expect(await integrityChecks(url)).toEqual({ sqlite: 'ok', fts: 'ok' });
  });

  it('backs up while owners write, and restores into a fresh folder: nothing acknowledged before the backup is missing', { timeout: 180_000 }, async () => {
    const source = newDatabase('backup-source');
    const portal = await start(source.url);
    const before: string[] = [];
    for (let round = 0; round < 5; round++) before.push(...((await Promise.all(Array.from({ length: 40 }, (_, i) => register(portal, `Kerupuk Kulit Cadang ${round}-${i}`)))).filter(Boolean) as string[]));
    expect(before.length).toBe(200);
    // One listing with a photo: its files live beside the database, and the backup keeps them.
    const owner = (await (await fetch(`${portal.url}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validRegistration({ name: 'Kerupuk Kulit Berfoto' })) })).json()) as { statusToken: string };
    const photo = await fetch(`${portal.url}/api/registrations/${owner.statusToken}/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(await codec.jpeg(photoPixels(600, 400), 85)) });
    expect(photo.status).toBe(201);
    const { thumbnail } = (await photo.json()) as { thumbnail: string };

    // Writers keep going during the backup.
    let writing = true;
    const during: Promise<unknown>[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) during.push(register(portal, `Kerupuk Kulit Selama ${i}`)), await new Promise((r) => setTimeout(r, 5));
    })();
    const out = join(source.dir, 'cadangan.db');
    const backup = await runCommand(['scripts/db-backup.ts', '--out', out], { DATABASE_URL: source.url });
    writing = false;
    await writer;
    await Promise.all(during);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('utuh');
    expect(during.length).toBeGreaterThan(10);

    // The server still uses the source database: restoring over it is refused, and it is left as it was.
    const refused = await runCommand(['scripts/db-restore.ts', out], { DATABASE_URL: source.url });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('sedang memakai');
    expect((await presentSlugs(source.url, before)).size).toBe(200);

    const fresh = newDatabase('restore');
    const restored = await runCommand(['scripts/db-restore.ts', out], { DATABASE_URL: fresh.url });
    expect(restored.code, restored.output).toBe(0);
    expect((await presentSlugs(fresh.url, before)).size).toBe(200);
    expect(await integrityChecks(fresh.url)).toEqual({ sqlite: 'ok', fts: 'ok' });
    // The photo (4 files, each with its sidecar) was mirrored beside the backup and came back beside the restored database.
    expect(backup.output).toMatch(/Foto: 8 berkas, 8 baru disalin/);
    expect(existsSync(join(source.dir, 'foto', thumbnail.replace(/^\/foto\//, '')))).toBe(true);
    const served = await start(fresh.url);
    const res = await fetch(`${served.url}/api/health`);
    expect(res.status).toBe(200);
    expect((await fetch(`${served.url}${thumbnail}`)).status).toBe(200);
    expect(await register(served, 'Kerupuk Kulit Setelah Pulih')).toBeDefined();
  });

  it('restores over a database with a stale WAL, keeping the replaced one, and refuses broken or foreign files', { timeout: 120_000 }, async () => {
    const { dir, url } = newDatabase('stale');
    const portal = await start(url);
    const first = await register(portal, 'Sale Pisang Pertama');
    const out = join(dir, 'cadangan.db');
    expect((await runCommand(['scripts/db-backup.ts', '--out', out], { DATABASE_URL: url })).code).toBe(0);
    // Later writes, then a hard stop: the WAL with pages of the old file stays behind.
    const later = await register(portal, 'Sale Pisang Kedua');
    await portal.crash();
    expect(existsSync(join(dir, 'etalase.db-wal'))).toBe(true);

    const garbage = join(dir, 'bukan.db');
    writeFileSync(garbage, 'ini bukan basis data');
    const broken = await runCommand(['scripts/db-restore.ts', garbage], { DATABASE_URL: url });
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/tidak dapat dibaca|bukan basis data/);

    const restored = await runCommand(['scripts/db-restore.ts', out], { DATABASE_URL: url });
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('sebelum-pemulihan');
    const present = await presentSlugs(url, [first!, later!]);
    expect([...present]).toEqual([first]);
    expect(await integrityChecks(url)).toEqual({ sqlite: 'ok', fts: 'ok' });
  });
});
