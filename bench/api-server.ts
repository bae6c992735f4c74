import { Hono } from 'hono';
import { availableParallelism } from 'node:os';
import { createApp } from '../functions/app.ts';
import { closeDb, openDb } from '../db/local.ts';
import { servePortal } from '../scripts/serve.ts';

/**
 * The API as `npm start` serves it (same app factory, same server processes: one per core,
 * at most 4, or WORKERS) on a local libSQL file, plus a bare Hono hello-world route in the
 * same processes, apart from the load generator's event loop. Prints the port on stdout.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: node bench/api-server.ts <DATABASE_URL> [port]');
const workers = Number(process.env['WORKERS'] ?? Math.min(4, availableParallelism()));
await servePortal({
  workers,
  port: Number(process.argv[3] ?? 0),
  hostname: '127.0.0.1',
  makeHandler: async () => {
    const { db, client } = await openDb(url);
    const api = createApp({ db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 20 }, log: () => {} });
    const hello = new Hono().get('/hello', (c) => c.text('Halo'));
    return {
      fetch: (request) => (new URL(request.url).pathname === '/hello' ? hello.fetch(request) : api.fetch(request)),
      close: () => closeDb(client),
    };
  },
  onListening: (address) => console.log(address.port),
  onError: (error) => {
    console.error(error);
    process.exit(1);
  },
});
