import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createApp } from '../functions/app.ts';
import { openDb } from '../db/local.ts';

/**
 * The API as `npm start` runs it (same app factory, local libSQL file) plus a bare Hono
 * hello-world route, in a child process so the load generator does not share its event loop.
 * Prints the port on stdout.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: node bench/api-server.ts <DATABASE_URL> [port]');
const { db } = await openDb(url);
const api = createApp({ db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 20 }, log: () => {} });
const hello = new Hono().get('/hello', (c) => c.text('Halo'));
const server = serve({
  fetch: (request) => (new URL(request.url).pathname === '/hello' ? hello.fetch(request) : api.fetch(request)),
  port: Number(process.argv[3] ?? 0),
  hostname: '127.0.0.1',
});
server.on('listening', () => console.log((server.address() as AddressInfo).port));
