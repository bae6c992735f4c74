import { serve } from '@hono/node-server';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface ServeOptions {
  /** Server processes. The libSQL driver works synchronously, so one process uses one core; more share the port. */
  workers: number;
  port: number;
  hostname: string;
  /** Builds a process's request handler; `publish` reaches the primary process's publisher. */
  makeFetch: (publish: () => void) => Promise<Fetch>;
  /** Runs in the primary process when any server process asks for the site to be published. */
  onPublish?: () => void;
  onListening: (address: AddressInfo) => void;
  onError: (error: NodeJS.ErrnoException) => void;
}

/**
 * Serves the portal from one process or, with `workers` > 1, from that many forked
 * processes on one port (node:cluster). The database is a file every process opens;
 * SQLite's WAL lets them read at once, and writes wait for each other (busy timeout).
 * Call it from the entry script in both the primary and the forked processes.
 */
export async function servePortal(options: ServeOptions): Promise<void> {
  const listen = async (publish: () => void, onListening: (a: AddressInfo) => void) => {
    const fetch = await options.makeFetch(publish);
    const server = serve({ fetch, port: options.port, hostname: options.hostname }, onListening);
    server.on('error', options.onError);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  };
  const publish = options.onPublish ?? (() => {});
  if (options.workers <= 1) return listen(publish, options.onListening);
  if (cluster.isWorker) {
    return listen(
      () => process.send?.('publish'),
      (address) => process.send?.({ listening: address }),
    );
  }
  let announced = false;
  let stopping = false;
  for (let i = 0; i < options.workers; i++) {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (message === 'publish') publish();
      else if (!announced && typeof message === 'object' && message && 'listening' in message) {
        announced = true;
        options.onListening((message as { listening: AddressInfo }).listening);
      }
    });
  }
  cluster.on('exit', (_worker, code) => {
    if (stopping) return;
    // One process failing (a port in use, a broken database) stops them all, with its reason already printed.
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.kill();
    process.exitCode = code ?? 1;
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
