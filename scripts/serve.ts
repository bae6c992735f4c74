import cluster from 'node:cluster';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one server process tells the others: pages with these cache tags are stale. */
export interface PeerMessage {
  pagesChanged: string[];
}

const isPeerMessage = (m: unknown): m is PeerMessage => typeof m === 'object' && m !== null && Array.isArray((m as PeerMessage).pagesChanged);

/** A server process's request handler and what to do once it has answered its last request. */
export interface Handler {
  listener: RequestListener;
  /** Closes the process's database (checkpointing the WAL). */
  close: () => Promise<void>;
  /** What another server process told this one. */
  onPeerMessage: (message: PeerMessage) => void;
}

/** How long requests in flight may take to finish after a stop signal before their connections are cut. */
export const GRACE_MS = 10_000;

export interface ServeOptions {
  /** Server processes. The libSQL driver works synchronously, so one process uses one core; more share the port. */
  workers: number;
  port: number;
  hostname: string;
  /** Builds a process's request handler; `tellOthers` reaches every other server process. */
  makeHandler: (tellOthers: (message: PeerMessage) => void) => Promise<Handler>;
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
  const listen = async (tellOthers: (message: PeerMessage) => void, onListening: (a: AddressInfo) => void, isPrimary: boolean) => {
    const handler = await options.makeHandler(tellOthers);
    process.on('message', (message: unknown) => {
      if (isPeerMessage(message)) handler.onPeerMessage(message);
    });
    const server = createServer(handler.listener);
    server.on('error', options.onError);
    server.listen(options.port, options.hostname, () => onListening(server.address() as AddressInfo));
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
  if (options.workers <= 1) return listen(() => {}, options.onListening, true);
  if (cluster.isWorker) {
    return listen(
      (message) => process.send?.(message),
      (address) => process.send?.({ listening: address }),
      false,
    );
  }
  let announced = false;
  let stopping = false;
  for (let i = 0; i < options.workers; i++) {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      // One process's news for the others (a change that makes cached pages stale).
      if (isPeerMessage(message)) {
        for (const other of running()) if (other && other !== worker) other.send(message);
      } else if (!announced && typeof message === 'object' && message && 'listening' in message) {
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
