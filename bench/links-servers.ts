import { createInterface } from 'node:readline';
import { playServer, type PlayServer } from '../test/links/server.ts';

/**
 * The loopback shops of the link-checker bench, in a process of their own, so the time each
 * request is seen is not held up by the checker's own work: `hosts` servers answering 200;
 * prints their addresses, and on "lapor" the pace each one saw.
 */
const hosts = Number(process.argv[2] ?? 200);
const servers: PlayServer[] = [];
for (let i = 0; i < hosts; i++) servers.push(await playServer('127.0.0.1', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Toko</h1>')));
console.log(JSON.stringify({ bases: servers.map((s) => s.base) }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'lapor') continue;
  let worstWindow = 0;
  let minGapMs = Infinity;
  let requests = 0;
  for (const s of servers) {
    const times = s.seen.map((r) => r.at).sort((a, b) => a - b);
    requests += times.length;
    for (let i = 1; i < times.length; i++) minGapMs = Math.min(minGapMs, times[i]! - times[i - 1]!);
    // The most requests inside any 1,000 ms window that starts at a request.
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[j]! < times[i]! - 999) j++;
      worstWindow = Math.max(worstWindow, i - j + 1);
    }
  }
  console.log(JSON.stringify({ worstWindow, minGapMs, requests }));
  await Promise.all(servers.map((s) => s.close()));
  process.exit(0);
}
