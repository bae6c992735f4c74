import type { Db } from '../../db/client.ts';
import { dueLinks, recordLinkRun, saveVerdicts, type DueLink } from '../../db/queries/link-checks.ts';
import { judge, retryAfterSeconds, samePlatform, type LinkState, type Observation, type Verdict } from '../../src/core/link-health.ts';

/** Who is knocking: a named user agent with a page that says why and how to reach us. */
export const checkerUserAgent = (site: string) => `EtalaseJabarLinkChecker/1.0 (+${new URL('/data/#pemeriksaan-tautan', site).toString()})`;

export interface CheckerOptions {
  db: Db;
  site: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Most links visited in this run (they are taken most overdue first). */
  limit: number;
  /** Stop taking new links after this long; visits under way finish. */
  budgetMs?: number;
  /** Least time between two requests to one host, as sent (1 s, plus 100 ms for the network's jitter on the way). */
  perHostMs?: number;
  /** Requests under way at once, over all hosts (a Worker may keep 6 connections open). */
  concurrency?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Told of every request as it starts (the bench checks the pace per host with it). */
  onRequest?: (host: string, at: number) => void;
}

export interface RunSummary {
  visited: number;
  found: Partial<Record<LinkState, number>>;
  totalLinks: number;
  checkedLinks: number;
  aliveLinks: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The per-host pace, measured when a request is sent: requests to one host queue behind
 * each other; each waits until `gapMs` after the previous one went out (or a 429's
 * Retry-After), then for a free connection, and only then counts as sent. So a request
 * held up by the connection limit never leaves less than the gap to the next.
 */
class HostPace {
  private readonly queue = new Map<string, Promise<void>>();
  private readonly lastSent = new Map<string, number>();
  private readonly heldUntil = new Map<string, number>();
  private readonly gapMs: number;
  private readonly run: <T>(work: () => Promise<T>) => Promise<T>;
  constructor(gapMs: number, run: <T>(work: () => Promise<T>) => Promise<T>) {
    this.gapMs = gapMs;
    this.run = run;
  }
  async send<T>(host: string, dispatch: () => Promise<T>): Promise<T> {
    const before = this.queue.get(host) ?? Promise.resolve();
    let release = () => {};
    const turn = new Promise<void>((resolve) => (release = resolve));
    this.queue.set(host, before.then(() => turn));
    await before;
    try {
      const earliest = Math.max((this.lastSent.get(host) ?? -Infinity) + this.gapMs, this.heldUntil.get(host) ?? 0);
      if (earliest > Date.now()) await sleep(earliest - Date.now());
      return await this.run(() => {
        this.lastSent.set(host, Date.now());
        release();
        return dispatch();
      });
    } finally {
      release();
    }
  }
  holdOff(host: string, seconds: number) {
    this.heldUntil.set(host, Math.max(this.heldUntil.get(host) ?? 0, Date.now() + seconds * 1000));
  }
}

/** A counting semaphore: at most `n` requests under way. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * One visit: GET without reading the body (a 50 MB page costs nothing), following
 * redirects by hand within the platform, each hop paced like any request to its host.
 */
async function visit(url: string, o: Required<Pick<CheckerOptions, 'fetch' | 'timeoutMs' | 'maxRedirects'>> & { pace: HostPace; userAgent: string; onRequest?: CheckerOptions['onRequest'] }): Promise<Observation> {
  const seen = new Set([url]);
  let current = url;
  for (let hops = 0; hops <= o.maxRedirects; hops++) {
    const host = new URL(current).host;
    let res: Response;
    try {
      res = await o.pace.send(host, () => {
        o.onRequest?.(host, Date.now());
        return o.fetch(current, { method: 'GET', redirect: 'manual', headers: { 'user-agent': o.userAgent, accept: 'text/html,application/xhtml+xml' }, signal: AbortSignal.timeout(o.timeoutMs) });
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
      return { kind: 'error', message: String((error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message) };
    }
    // The status says it all: the body is never read, whatever its size.
    await res.body?.cancel().catch(() => {});
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      let next: string;
      try {
        next = new URL(location, current).toString();
      } catch {
        return { kind: 'error', message: 'alamat pengalihan tidak sah' };
      }
      if (seen.has(next)) return { kind: 'loop' };
      if (!samePlatform(url, next)) return { kind: 'offsite', to: next };
      seen.add(next);
      current = next;
      continue;
    }
    const wait = res.status === 429 ? retryAfterSeconds(res.headers.get('retry-after'), new Date()) : undefined;
    if (wait) o.pace.holdOff(host, wait);
    return { kind: 'status', status: res.status, finalUrl: current, hops, retryAfterSeconds: wait };
  }
  return { kind: 'loop' };
}

/**
 * Visits the links that are due, politely: a named user agent, at most one request per
 * second per host, a timeout, no retries within a run (a failure is visited again days
 * later). Saves each verdict in batches and records the run with the totals /statistik
 * shows. `npm run links:check` runs it on Node, a Cron Trigger on Cloudflare.
 */
export async function checkLinks(options: CheckerOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const startedMs = Date.now();
  const links = await dueLinks(options.db, started, options.limit);
  const common = {
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 5,
    pace: new HostPace(options.perHostMs ?? 1100, limiter(options.concurrency ?? 6)),
    userAgent: checkerUserAgent(options.site),
    onRequest: options.onRequest,
  };
  const found: Partial<Record<LinkState, number>> = {};
  let pending: { link: DueLink; verdict: Verdict }[] = [];
  let done = 0;
  let saving = Promise.resolve();
  const flush = () => {
    const batch = pending;
    pending = [];
    saving = saving.then(() => saveVerdicts(options.db, batch, now(), 'pemeriksa-tautan'));
    return saving;
  };
  // One queue per host, all hosts at once: a slow host never holds up the others.
  const byHost = new Map<string, DueLink[]>();
  for (const link of links) {
    const host = new URL(link.url).host;
    const queue = byHost.get(host);
    if (queue) queue.push(link);
    else byHost.set(host, [link]);
  }
  await Promise.all(
    [...byHost.values()].map(async (queue) => {
      for (const link of queue) {
        if (options.budgetMs !== undefined && Date.now() - startedMs > options.budgetMs) return;
        const verdict = judge(link, await visit(link.url, common), now());
        found[verdict.state] = (found[verdict.state] ?? 0) + 1;
        pending.push({ link, verdict });
        done++;
        options.onProgress?.({ done, total: links.length });
        if (pending.length >= 100) await flush();
      }
    }),
  );
  await flush();
  const totals = await recordLinkRun(options.db, { startedAt: started, finishedAt: now(), visited: done, found });
  return { visited: done, found, ...totals, seconds: Math.round((Date.now() - startedMs) / 100) / 10 };
}
