import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDb } from '../db/local.ts';
import { seedSample } from '../db/seed/insert.ts';
import { storeLinks } from '../db/schema.ts';
import { checkLinks } from '../functions/services/link-checker.ts';

/**
 * The store-link checker over 10,000 links on 200 loopback "hosts" (servers on their own
 * ports, in another process, each answering 200 at once): how long the run takes, and the
 * pace each host saw, counted at the server: the most requests in any one-second window
 * (the bar is 1).
 */
export async function benchLinks(total = 10_000, hosts = 200) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./links-servers.ts', import.meta.url)), String(hosts)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
  const { bases } = (await next()) as { bases: string[] };
  const { db, client } = await openDb('file::memory:');
  try {
    await seedSample(db, { total: 100, now: new Date('2026-11-01T00:00:00Z') });
    await db.run(sql`DELETE FROM store_links`);
    const ids = (await db.all<{ id: number }>(sql`SELECT id FROM msmes WHERE status = 'published'`)).map((r) => r.id);
    const rows = Array.from({ length: total }, (_, i) => ({ msmeId: ids[i % ids.length]!, platform: 'tokopedia', url: `${bases[i % hosts]}/toko-${i}`, position: Math.floor(i / ids.length) }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(storeLinks).values(rows.slice(i, i + 500));
    const started = performance.now();
    const run = await checkLinks({ db, site: 'http://localhost:4321', limit: total, concurrency: 16 });
    const seconds = (performance.now() - started) / 1000;
    child.stdin.write('lapor\n');
    const seen = (await next()) as { worstWindow: number; minGapMs: number; requests: number };
    return { links: total, hosts, visited: run.visited, requests: seen.requests, seconds, perSecond: seen.requests / seconds, worstWindow: seen.worstWindow, minGapMs: seen.minGapMs, ok: run.found.ok ?? 0 };
  } finally {
    child.kill();
    client.close();
  }
}
