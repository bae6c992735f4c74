import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { getPublishedMsme } from '../../db/queries/msmes.ts';
import { latestLinkRun } from '../../db/queries/link-checks.ts';
import { auditLog, msmes, storeLinks } from '../../db/schema.ts';
import { checkLinks } from '../../functions/services/link-checker.ts';
import { playServer, type PlayServer } from './server.ts';

/**
 * The store-link checker against real HTTP servers on loopback, one per case, each playing
 * what a marketplace might answer. Links point at them directly (inserted as rows: the
 * registration form would refuse a loopback address).
 */
const { db, client } = await openDb('file::memory:');
const T0 = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const FIFTY_MB = 50 * 1024 * 1024;
let bodyBytesSent = 0;
const servers: Record<string, PlayServer> = {};
const urls: Record<string, string> = {};

const cases: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, base: string) => void> = {
  ok: (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Toko</h1>'),
  moved: (req, res, base) => (req.url === '/toko-baru' ? res.writeHead(200).end('ok') : res.writeHead(301, { location: `${base}/toko-baru` }).end()),
  offsite: (_req, res) => res.writeHead(301, { location: `${servers.other!.base}/apa-saja` }).end(),
  notFoundOnce: (_req, res) => res.writeHead(404).end('tidak ada'),
  notFoundTwice: (_req, res) => res.writeHead(404).end('tidak ada'),
  goneOnce: (_req, res) => res.writeHead(410).end('hilang'),
  forbidden: (_req, res) => res.writeHead(403).end('bot?'),
  tooMany: (_req, res) => res.writeHead(429, { 'retry-after': '2' }).end('pelan-pelan'),
  timeout: () => {
    // Never answers.
  },
  loop: (req, res, base) => res.writeHead(302, { location: `${base}${req.url === '/a' ? '/b' : '/a'}` }).end(),
  huge: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(FIFTY_MB) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const write = () => {
      while (bodyBytesSent < FIFTY_MB) {
        bodyBytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('error', () => {});
    write();
  },
};

beforeAll(async () => {
  servers.other = await playServer('127.0.0.2', (_req, res) => res.writeHead(200).end('situs lain'));
  // Each server asks its case at request time, so a test can change what a shop answers.
  for (const name of Object.keys(cases)) servers[name] = await playServer('127.0.0.1', (req, res, base) => cases[name]!(req, res, base));
  await seedSample(db, { total: 12, now: new Date('2026-11-01T00:00:00Z') });
  await db.run(sql`DELETE FROM store_links`);
  const listings = await db.select({ id: msmes.id }).from(msmes).where(eq(msmes.status, 'published'));
  expect(listings.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  for (const [i, name] of Object.keys(cases).entries()) {
    urls[name] = `${servers[name]!.base}/${name === 'loop' ? 'a' : 'toko'}`;
    await db.insert(storeLinks).values({ msmeId: listings[i]!.id, platform: 'tokopedia', url: urls[name]!, position: 0 });
  }
  // The 429 host has a second link, to see that its Retry-After holds the next request back.
  await db.insert(storeLinks).values({ msmeId: listings[0]!.id, platform: 'tokopedia', url: `${servers.tooMany!.base}/toko-kedua`, position: 1 });
}, 30_000);
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
  client.close();
});

const stateOf = async (url: string) => (await db.select().from(storeLinks).where(eq(storeLinks.url, url)))[0]!;

describe('the store-link checker', () => {
  it('classifies each answer: ok, moved on the same platform, suspect after one 404 or 410, and unknown for the rest', async () => {
    const started = Date.now();
    const run = await checkLinks({ db, site: 'http://localhost:4321', now: () => T0, limit: 100, timeoutMs: 1500 });
    expect(run.visited).toBe(Object.keys(cases).length + 1);
    const expected: Record<string, [string, RegExp]> = {
      ok: ['ok', /^200$/],
      moved: ['moved', /pengalihan/],
      offsite: ['unknown', /situs lain \(127\.0\.0\.2\)/],
      notFoundOnce: ['suspect', /^404$/],
      notFoundTwice: ['suspect', /^404$/],
      goneOnce: ['suspect', /^410$/],
      forbidden: ['unknown', /^403/],
      tooMany: ['unknown', /^429/],
      timeout: ['unknown', /waktu habis/],
      loop: ['unknown', /berputar/],
      huge: ['ok', /^200$/],
    };
    for (const [name, [state, detail]] of Object.entries(expected)) {
      const row = await stateOf(urls[name]!);
      expect([row.checkState, row.checkDetail], name).toEqual([state, expect.stringMatching(detail)]);
      expect(row.checkedAt).toEqual(T0);
    }
    expect((await stateOf(urls.moved!)).movedTo).toBe(`${servers.moved!.base}/toko-baru`);
    expect((await stateOf(urls.notFoundOnce!)).failingSince).toEqual(T0);
    // The 50 MB page was never read: the checker hung up long before it was sent.
    expect(bodyBytesSent).toBeLessThan(FIFTY_MB / 2);
    // A named user agent with a page that explains it, on every request.
    for (const s of Object.values(servers)) for (const r of s.seen) expect(r.userAgent).toMatch(/^EtalaseJabarLinkChecker\/1\.0 \(\+http:\/\/localhost:4321\/data\/#pemeriksaan-tautan\)$/);
    // Retry-After: 2 held the 429 host's next request back at least 2 s.
    const [first, second] = servers.tooMany!.seen;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1900);
    // No host ever got two requests within a second (the loop and the redirect hit theirs twice or more).
    for (const s of Object.values(servers)) for (let i = 1; i < s.seen.length; i++) expect(s.seen[i]!.at - s.seen[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const recorded = await latestLinkRun(db);
    expect(recorded).toEqual(expect.objectContaining({ visited: run.visited, totalLinks: run.visited, checkedLinks: run.visited }));
    expect(recorded!.aliveLinks).toBe(3);
  }, 30_000);

  it('confirms a 404 as gone only when seen again 7 days later, and then the profile no longer shows it', async () => {
    // Two days on, nothing is due yet: a suspect waits its week, an unknown three days.
    expect((await checkLinks({ db, site: 'http://localhost:4321', now: () => new Date(T0.getTime() + 2 * DAY), limit: 100, timeoutMs: 1500 })).visited).toBe(0);
    // Let the first 404 come good in between.
    cases.notFoundOnce = (_req, res) => res.writeHead(200).end('kembali');
    const week = new Date(T0.getTime() + 7 * DAY);
    const run = await checkLinks({ db, site: 'http://localhost:4321', now: () => week, limit: 100, timeoutMs: 1500 });
    // The three suspects, and the six unknowns (visited again after three days).
    expect(run.visited).toBe(9);
    expect((await stateOf(urls.notFoundTwice!)).checkState).toBe('gone');
    expect((await stateOf(urls.goneOnce!)).checkState).toBe('gone');
    const back = await stateOf(urls.notFoundOnce!);
    expect([back.checkState, back.failingSince]).toEqual(['ok', null]);
    const [owner] = await db.select({ slug: msmes.slug }).from(msmes).where(eq(msmes.id, (await stateOf(urls.notFoundTwice!)).msmeId));
    expect((await getPublishedMsme(db, owner!.slug))!.storeLinks).toEqual([]);
    const logged = await db.select().from(auditLog).where(eq(auditLog.action, 'link-gone'));
    expect(logged).toHaveLength(2);
  }, 30_000);
});
