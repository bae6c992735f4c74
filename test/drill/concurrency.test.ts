import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, rmSync, statSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { openDb } from '../../db/local.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { validRegistration } from '../helpers.ts';
import { integrityChecks, startPortal, tempDir, type RunningPortal } from './portal.ts';

// The drill runs `npm start`'s own server with two processes on one database file, the way
// owners and staff meet it, and sends reads and writes at once: a test inside one process
// would hide lock and snapshot bugs between processes and between pooled connections.
const dir = tempDir('drill');
const databaseUrl = `file:${join(dir, 'etalase.db')}`;
const PASSWORD = 'kata-sandi-drill-123';
let portal: RunningPortal;

beforeAll(async () => {
  const { db, client } = await openDb(databaseUrl);
  await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: PASSWORD }, new Date());
  client.close();
  portal = await startPortal({ databaseUrl, workers: 2 });
});
afterAll(async () => {
  await portal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const send = (path: string, init: RequestInit = {}) => fetch(new URL(path, portal.url), { redirect: 'manual', ...init });
const jsonBody = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

let slowest = 0;
async function register(name: string) {
  const started = performance.now();
  const res = await send('/api/registrations', jsonBody('POST', validRegistration({ name })));
  slowest = Math.max(slowest, performance.now() - started);
  return { res, body: res.status === 201 ? ((await res.json()) as { slug: string; statusToken: string }) : undefined };
}

/** The reviewer's browser: session cookie and the form token of its pages. */
async function signIn() {
  const origin = new URL(portal.url).origin;
  const res = await send('/admin/masuk', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: new URLSearchParams({ username: 'rina', password: PASSWORD }) });
  expect(res.status).toBe(303);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await send('/admin/antrean', { headers: { cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  expect(csrf).not.toBe('');
  return (path: string, fields: Record<string, string>) =>
    send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie }, body: new URLSearchParams({ csrf, ...fields }) });
}

/** A request on a new connection, so node:cluster hands it to the next server process in turn. */
const fresh = (path: string) => send(path, { headers: { connection: 'close' } });

describe('two server processes under concurrent writes', () => {
  it('answers 1,000 registrations with owner edits and staff approvals at once: no 5xx, one winner per version, one truth', { timeout: 240_000 }, async () => {
    // Reads first: every process opens pooled connections for its parallel queries.
    for (let i = 0; i < 20; i++) expect((await fresh('/api/msmes?per_page=5')).status).toBe(200);

    // Listings to edit and to approve while the flood of registrations runs.
    const edits = await Promise.all(Array.from({ length: 20 }, (_, i) => register(`Dodol Garut Edit ${i}`)));
    const reviews = await Promise.all(Array.from({ length: 20 }, (_, i) => register(`Batik Trusmi Tinjau ${i}`)));
    for (const r of [...edits, ...reviews]) expect(r.res.status).toBe(201);
    const post = await signIn();
    const ids = await listingIds(reviews.map((r) => r.body!.slug));

    const registrations = Array.from({ length: 1000 }, (_, i) =>
      // A few share one long name, so their slugs must be found while others write.
      register(i % 50 === 0 ? 'Keripik Singkong Pedas Manis Khas Tasikmalaya Asli Buatan Rumah Ibu Haji' : `Kopi Arabika Drill ${i}`),
    );
    const editPairs = edits.map(({ body }) =>
      Promise.all([0, 1].map((n) => send(`/api/registrations/${body!.statusToken}`, jsonBody('PUT', { ...validRegistration({ name: `Dodol Garut Baru ${n}` }), version: 1 })))),
    );
    const approvalPairs = ids.map((id) => Promise.all([0, 1].map(() => post(`/admin/umkm/${id}/setujui`, { version: '1' }))));

    const started = performance.now();
    const [regs, editResults, approvalResults] = await Promise.all([Promise.all(registrations), Promise.all(editPairs), Promise.all(approvalPairs)]);
    const seconds = (performance.now() - started) / 1000;
    console.log(`drill: 1,000 registrations + 40 owner edits + 40 approvals at once in ${seconds.toFixed(1)} s (${Math.round(1080 / seconds)} writes/s, two processes; slowest registration ${(slowest / 1000).toFixed(1)} s, against the 10 s wait for a turn)`);

    const statuses = [...regs.map((r) => r.res.status), ...editResults.flat().map((r) => r.status), ...approvalResults.flat().map((r) => r.status)];
    const failures = statuses.filter((s) => s >= 500);
    expect(failures, portal.output().slice(-4000)).toEqual([]);
    expect(regs.every((r) => r.res.status === 201)).toBe(true);
    for (const pair of editResults) expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    for (const pair of approvalResults) expect(pair.map((r) => r.status).sort()).toEqual([303, 409]);

    // Afterwards every process tells the same story, and every acknowledged owner finds their listing.
    const totals = new Set<number>();
    for (let i = 0; i < 12; i++) totals.add(((await (await fresh('/api/msmes?per_page=1')).json()) as { total: number }).total);
    expect([...totals]).toEqual([20 + 20]);
    const tokens = regs.map((r) => r.body!.statusToken);
    for (let i = 0; i < tokens.length; i += 100) {
      const found = await Promise.all(tokens.slice(i, i + 100).map((t) => send(`/api/registrations/${t}`).then((r) => r.status)));
      expect(found.every((s) => s === 200)).toBe(true);
    }
    const slugs = new Set(regs.map((r) => r.body!.slug));
    expect(slugs.size).toBe(1000);
    for (let i = 0; i < 6; i++) expect((await fresh('/api/health')).status).toBe(200);
  });

  it('stops on SIGTERM after answering the requests in flight, and leaves one clean file with an empty WAL', { timeout: 90_000 }, async () => {
    const acknowledged: string[] = [];
    let stopped: Promise<number | null> | undefined;
    const sent = Array.from({ length: 200 }, (_, i) =>
      register(`Bandrek Cianjur Henti ${i}`).then(
        ({ res, body }) => {
          if (res.status === 201) acknowledged.push(body!.statusToken);
          if (acknowledged.length === 20) stopped ??= portal.stop('SIGTERM');
          return res.status;
        },
        // A request that reached no process after the stop began gets a refused connection, never half an answer.
        () => 0,
      ),
    );
    const statuses = await Promise.all(sent);
    expect(await (stopped ?? portal.stop('SIGTERM'))).toBe(0);
    expect(statuses.filter((s) => s !== 201 && s !== 0)).toEqual([]);
    expect(portal.output()).toContain('Basis data ditutup dengan rapi');
    const wal = join(dir, 'etalase.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(await integrityChecks(databaseUrl)).toEqual({ sqlite: 'ok', fts: 'ok' });

    portal = await startPortal({ databaseUrl, workers: 2 });
    const found = await Promise.all(acknowledged.map((t) => send(`/api/registrations/${t}`).then((r) => r.status)));
    expect(found.filter((s) => s !== 200)).toEqual([]);
  });
});

/** The ids of listings by slug, read from the database file the way the review queue links them. */
async function listingIds(slugs: string[]): Promise<number[]> {
  const client = createClient({ url: databaseUrl });
  try {
    const rows = await Promise.all(slugs.map((slug) => client.execute({ sql: 'SELECT id FROM msmes WHERE slug = ?', args: [slug] })));
    return rows.map((r) => Number(r.rows[0]?.[0]));
  } finally {
    client.close();
  }
}
