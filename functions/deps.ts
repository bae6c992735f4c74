import type { Db } from '../db/client.ts';
import type { Config } from './config.ts';
import type { FileStore } from './files.ts';
import type { PhotoProcessor } from './photo-process.ts';
import type { SendEmail } from './email.ts';
import type { WriteLimiter } from './write-limit.ts';

/** Everything the API needs from its runtime, injected so tests and both runtimes build their own. */
export interface AppDeps {
  db: Db;
  config: Pick<Config, 'SITE_URL' | 'MAX_BODY_KB' | 'WRITES_PER_MINUTE'> & Partial<Pick<Config, 'TURNSTILE_SECRET_KEY' | 'TURNSTILE_SITE_KEY' | 'EMAIL_FROM' | 'CLOUDFLARE_ACCOUNT_ID' | 'CLOUDFLARE_EMAIL_TOKEN'>>;
  clock?: () => Date;
  /** Where unexpected errors go; console.error by default. */
  log?: (message: string, error: unknown) => void;
  /**
   * Tells the runtime's page cache that pages with these tags are stale (a listing was
   * approved, changed, marked or removed): every Node process drops them at once.
   */
  pagesChanged?: (tags: string[]) => Promise<void> | void;
  /** fetch for services outside our walls (Turnstile, email); tests give a stand-in. */
  fetch?: typeof fetch;
  /** Sends an email, or null when no email service is configured (see functions/email.ts). */
  sendEmail?: SendEmail | null;
  /** Where files are kept (open-data snapshots): a folder on Node, R2 on Cloudflare; null where none is set up. */
  files?: FileStore | null;
  /** Makes sent files into stored photos (WebAssembly codecs, run the runtime's way); null where photos are not taken. */
  photos?: PhotoProcessor | null;
  /** The per-client write limit, shared by the API and the pages' forms (made from the settings when absent). */
  writeLimiter?: WriteLimiter;
}

export interface AppEnv {
  Variables: { deps: Required<AppDeps> };
}
