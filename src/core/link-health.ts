import { platforms } from './platforms.ts';
import { normaliseStoreLink } from './store-link.ts';

/** What the link checker found at a store link (stored in store_links.check_state). */
export type LinkState = 'ok' | 'moved' | 'suspect' | 'gone' | 'unknown';

/** What one visit saw, after following redirects within the platform. */
export type Observation =
  | { kind: 'status'; status: number; finalUrl: string; hops: number; retryAfterSeconds?: number | undefined }
  | { kind: 'offsite'; to: string }
  | { kind: 'loop' }
  | { kind: 'timeout' }
  | { kind: 'error'; message: string };

/** What the checker knew of the link before this visit. */
export interface LinkHistory {
  id: number;
  url: string;
  checkState: LinkState | null;
  failingSince: Date | null;
}

export interface Verdict {
  state: LinkState;
  /** The HTTP status, or what went wrong, as staff read it. */
  detail: string;
  failingSince: Date | null;
  movedTo: string | null;
  nextCheckAt: Date;
}

const DAY = 86_400_000;
/** A 404 or 410 is believed only when seen again at least this long after the first. */
export const GONE_AFTER_DAYS = 7;
/**
 * A link found working is visited again after 60 to 80 days (spread by its id, so a
 * million links registered on one day do not all fall due on one day): always within 90.
 */
const OK_AGAIN_DAYS = 60;
const OK_SPREAD_DAYS = 20;

const hostsOf = new Map<string, Set<string>>();
for (const p of platforms) {
  const hosts = new Set([...p.hosts, ...p.shortHosts]);
  for (const h of hosts) hostsOf.set(h, new Set([...(hostsOf.get(h) ?? []), ...hosts]));
}

/**
 * Whether a redirect from one address to another stays on the same platform: hosts of one
 * platform (tokopedia.link to www.tokopedia.com), or the same host for a host no platform
 * names.
 */
export function samePlatform(from: string, to: string): boolean {
  const a = new URL(from).hostname.toLowerCase();
  const b = new URL(to).hostname.toLowerCase();
  return a === b || (hostsOf.get(a)?.has(b) ?? false);
}

/** Two addresses that only differ in http/https, "www.", a trailing slash or tracking parameters are one shop. */
function sameShop(a: string, b: string): boolean {
  const key = (u: string) => {
    const url = new URL(u);
    return `${url.hostname.replace(/^www\./, '').toLowerCase()}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  };
  return key(a) === key(b);
}

/**
 * The verdict of one visit, given what was known before: ok; moved (the platform redirects
 * to another shop address, which staff adopt after review); suspect (404 or 410 once);
 * gone (404 or 410 again at least 7 days after the first); unknown for anything that says
 * nothing about the shop (403, 429, 5xx, timeouts, redirect loops, a bot wall, a redirect off
 * the platform): unknown is never counted as dead, and keeps a run of 404s going.
 */
export function judge(before: LinkHistory, seen: Observation, now: Date): Verdict {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const unknown = (detail: string, again = 3): Verdict => ({ state: 'unknown', detail, failingSince: before.failingSince, movedTo: null, nextCheckAt: at(again) });
  switch (seen.kind) {
    case 'timeout':
      return unknown('waktu habis');
    case 'loop':
      return unknown('pengalihan berputar');
    case 'offsite':
      return unknown(`dialihkan ke situs lain (${new URL(seen.to).hostname})`);
    case 'error':
      return unknown(`gagal terhubung: ${seen.message}`.slice(0, 200));
    case 'status': {
      const { status } = seen;
      if (status >= 200 && status < 300) {
        const ok: Verdict = { state: 'ok', detail: String(status), failingSince: null, movedTo: null, nextCheckAt: at(OK_AGAIN_DAYS + (before.id % (OK_SPREAD_DAYS + 1))) };
        if (seen.hops === 0 || sameShop(before.url, seen.finalUrl)) return ok;
        // On a platform we know, the new address must still be a shop page (not its home page or a login wall).
        const known = normaliseStoreLink(before.url);
        if (known.ok) {
          const moved = normaliseStoreLink(seen.finalUrl);
          if (!moved.ok || moved.platform !== known.platform) return unknown(`dialihkan ke halaman yang bukan toko (${new URL(seen.finalUrl).pathname})`);
          if (sameShop(before.url, moved.url)) return ok;
          return { state: 'moved', detail: `${status} setelah pengalihan`, failingSince: null, movedTo: moved.url, nextCheckAt: at(30) };
        }
        return { state: 'moved', detail: `${status} setelah pengalihan`, failingSince: null, movedTo: seen.finalUrl, nextCheckAt: at(30) };
      }
      if (status === 404 || status === 410) {
        const since = before.failingSince ?? now;
        const confirmed = now.getTime() - since.getTime() >= GONE_AFTER_DAYS * DAY;
        // A suspect is visited again exactly when it can be confirmed; a gone link monthly, in case it comes back.
        return { state: confirmed ? 'gone' : 'suspect', detail: String(status), failingSince: since, movedTo: null, nextCheckAt: confirmed ? at(30) : new Date(since.getTime() + GONE_AFTER_DAYS * DAY) };
      }
      if (status === 429) return unknown('429 (terlalu banyak permintaan)', Math.max(3, Math.ceil((seen.retryAfterSeconds ?? 0) / 86_400)));
      if (status === 401 || status === 403) return unknown(`${status} (akses ditolak, mungkin pemeriksaan bot)`);
      return unknown(String(status));
    }
  }
}

/** "5 detik", "2 menit" of a Retry-After header (seconds or an HTTP date), capped at an hour; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - now.getTime()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(3600, Math.ceil(seconds)) : undefined;
}

/** How the owner's page and the staff queue name a state. */
export const linkStateLabel: Record<LinkState, string> = {
  ok: 'aktif',
  moved: 'pindah alamat',
  suspect: 'tidak ditemukan sekali',
  gone: 'tidak ditemukan',
  unknown: 'belum dapat dipastikan',
};
