import type { Db } from '../db/client.ts';
import type { Config } from './config.ts';

/** Reads a built page of the static site (its HTML), or null when there is none. */
export type AssetReader = (path: string, request: Request) => Promise<string | null>;

/** Everything the API needs from its runtime, injected so tests and both runtimes build their own. */
export interface AppDeps {
  db: Db;
  config: Pick<Config, 'SITE_URL' | 'MAX_BODY_KB' | 'WRITES_PER_MINUTE'> & Partial<Pick<Config, 'TURNSTILE_SECRET_KEY' | 'TURNSTILE_SITE_KEY'>>;
  clock?: () => Date;
  assets?: AssetReader;
  /** Where unexpected errors go; console.error by default. */
  log?: (message: string, error: unknown) => void;
  /**
   * Asks for the static site to be rebuilt after an approval: a debounced local build on
   * Node, the deploy hook on Cloudflare. Resolves once asked, not once built.
   */
  publishSite?: () => Promise<void> | void;
  /** fetch for services outside our walls (Turnstile, the deploy hook); tests give a stand-in. */
  fetch?: typeof fetch;
}

export interface AppEnv {
  Variables: { deps: Required<AppDeps> };
}
