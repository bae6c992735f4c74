import { sql } from 'drizzle-orm';
import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { storeLinks } from '../db/schema.ts';
import { checkLinks } from '../functions/services/link-checker.ts';
import { playServer, type PlayServer } from '../test/links/server.ts';

/**
 * The store-link checker over 10,000 links on 200 loopback "hosts" (servers on their own
 * ports), each answering 200 at once: how long the run takes, and the pace each host saw,
 * counted at the server: the most requests in any one-second window (the bar is 1).
 */
export async function benchLinks(total = 10_000, hosts = 200) {
  const servers: PlayServer[] = [];
  for (let i = 0; i < hosts; i++) servers.push(await playServer('127.0.0.1', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Toko</h1>')));
  const { db, client } = await openDb('file::memory:');
  try {
    await seedSample(db, { total: 100, now: new Date('2026-11-01T00:00:00Z') });
    await db.run(sql`DELETE FROM store_links`);
    const ids = (await db.all<{ id: number }>(sql`SELECT id FROM msmes WHERE status = 'published'`)).map((r) => r.id);
    const rows = Array.from({ length: total }, (_, i) => ({ msmeId: ids[i % ids.length]!, platform: 'tokopedia', url: `${servers[i % hosts]!.base}/toko-${i}`, position: Math.floor(i / ids.length) }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(storeLinks).values(rows.slice(i, i + 500));
    const started = performance.now();
    const run = await checkLinks({ db, site: 'http://localhost:4321', limit: total, concurrency: 16 });
    const seconds = (performance.now() - started) / 1000;
    let worstWindow = 0;
    let minGapMs = Infinity;
    for (const s of servers) {
      const times = s.seen.map((r) => r.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) minGapMs = Math.min(minGapMs, times[i]! - times[i - 1]!);
      // The most requests inside any 1,000 ms window that starts at a request.
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[j]! < times[i]! - 999) j++;
        worstWindow = Math.max(worstWindow, i - j + 1);
      }
    }
    const requests = servers.reduce((n, s) => n + s.seen.length, 0);
    return { links: total, hosts, visited: run.visited, requests, seconds, perSecond: requests / seconds, worstWindow, minGapMs, ok: run.found.ok ?? 0 };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    client.close();
  }
}
