import { serve } from '@hono/node-server';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/** A server process's request handler and what to do once it has answered its last request. */
export interface Handler {
  fetch: Fetch;
  /** Closes the process's database (checkpointing the WAL). */
  close: () => Promise<void>;
}

/** How long requests in flight may take to finish after a stop signal before their connections are cut. */
export const GRACE_MS = 10_000;

export interface ServeOptions {
  /** Server processes. The libSQL driver works synchronously, so one process uses one core; more share the port. */
  workers: number;
  port: number;
  hostname: string;
  /** Builds a process's request handler; `publish` reaches the primary process's publisher. */
  makeHandler: (publish: () => void) => Promise<Handler>;
  /** Runs in the primary process when any server process asks for the site to be published. */
  onPublish?: () => void;
  onListening: (address: AddressInfo) => void;
  onError: (error: NodeJS.ErrnoException) => void;
  /** Progress of a stop, for the person who pressed Ctrl+C (printed by the primary only). */
  onStopping?: (message: string) => void;
  /** Runs last in the primary, after every server process has stopped (a final WAL checkpoint). */
  onStopped?: () => Promise<void>;
}

/**
 * Serves the portal from one process or, with `workers` > 1, from that many forked
 * processes on one port (node:cluster). The database is a file every process opens;
 * SQLite's WAL lets them read at once, and writes wait for each other.
 *
 * On SIGINT or SIGTERM each process stops accepting connections, lets the requests in
 * flight finish (at most GRACE_MS), then checkpoints and closes its database; the primary
 * waits for them all before it exits. Call it from the entry script in both the primary
 * and the forked processes.
 */
export async function servePortal(options: ServeOptions): Promise<void> {
  const say = options.onStopping ?? (() => {});
  const listen = async (publish: () => void, onListening: (a: AddressInfo) => void, isPrimary: boolean) => {
    const handler = await options.makeHandler(publish);
    const server = serve({ fetch: handler.fetch, port: options.port, hostname: options.hostname }, onListening) as Server;
    server.on('error', options.onError);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      if (isPrimary) say('Berhenti: tidak menerima permintaan baru, menyelesaikan yang sedang berjalan …');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
      });
      await handler.close();
      if (isPrimary) {
        await options.onStopped?.();
        say('Basis data ditutup dengan rapi. Sampai jumpa.');
      }
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  };
  const publish = options.onPublish ?? (() => {});
  if (options.workers <= 1) return listen(publish, options.onListening, true);
  if (cluster.isWorker) {
    return listen(
      () => process.send?.('publish'),
      (address) => process.send?.({ listening: address }),
      false,
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
  const running = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  cluster.on('exit', (_worker, code) => {
    if (stopping) return;
    // One process failing (a port in use, a broken database) stops them all, with its reason already printed.
    stopping = true;
    for (const other of running()) other?.kill();
    process.exitCode = code ?? 1;
  });
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say(`Berhenti: ${running().length} proses server menyelesaikan permintaan yang sedang berjalan …`);
    // A terminal's Ctrl+C reaches every process already; a service manager's SIGTERM only this one.
    for (const worker of running()) worker?.process.kill('SIGTERM');
    const cut = setTimeout(() => {
      for (const worker of running()) worker?.process.kill('SIGKILL');
    }, GRACE_MS + 5000).unref();
    while (running().length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    clearTimeout(cut);
    await options.onStopped?.();
    say('Basis data ditutup dengan rapi. Sampai jumpa.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
