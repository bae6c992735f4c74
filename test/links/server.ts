import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A store's web server on loopback for the link checker's tests: what it answers, and every request it saw. */
export interface PlayServer {
  base: string;
  host: string;
  seen: { path: string; at: number; userAgent: string }[];
  close: () => Promise<void>;
}

/** Serves `answer` on a loopback address; a case answers by writing to `res` (or never, for a timeout). */
export async function playServer(address: string, answer: (req: IncomingMessage, res: ServerResponse, base: string) => void): Promise<PlayServer> {
  const seen: PlayServer['seen'] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '/', at: Date.now(), userAgent: req.headers['user-agent'] ?? '' });
    answer(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://${address}:${port}`;
  return {
    base,
    host: `${address}:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
