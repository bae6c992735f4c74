import type { Db } from '../db/client.ts';
import type { Config } from './config.ts';

/** Reads a built page of the static site (its HTML), or null when there is none. */
export type AssetReader = (path: string, request: Request) => Promise<string | null>;

/** Everything the API needs from its runtime, injected so tests and both runtimes build their own. */
export interface AppDeps {
  db: Db;
  config: Pick<Config, 'SITE_URL' | 'MAX_BODY_KB' | 'WRITES_PER_MINUTE'>;
  clock?: () => Date;
  assets?: AssetReader;
  /** Where unexpected errors go; console.error by default. */
  log?: (message: string, error: unknown) => void;
}

export interface AppEnv {
  Variables: { deps: Required<AppDeps> };
}
