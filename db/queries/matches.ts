import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { ftsQuery, RANK_WINDOW, type BrowseKey, type SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { keptTotal } from './facets.ts';
import { msmes, storeLinks } from '../schema.ts';

/** BM25 column weights: name, description, products, place, category, tags (filters only, never ranked). */
const RANK = sql`bm25(msme_fts, 10.0, 2.0, 4.0, 3.0, 3.0, 0.0)`;



/** The spec's filters as SQL over msmes, for browsing without keywords. */
export function filters(spec: SearchSpec): SQL[] {
  const where: SQL[] = [eq(msmes.status, 'published')];
  if (spec.categories.length > 0) where.push(inArray(msmes.category, spec.categories));
  if (spec.regency) where.push(eq(msmes.regencyCode, spec.regency));
  if (spec.district) where.push(eq(msmes.districtCode, spec.district));
  if (spec.verified) where.push(isNotNull(msmes.nibVerifiedAt));
  if (spec.halal) where.push(isNotNull(msmes.halalNumber));
  if (spec.halalVerified) where.push(isNotNull(msmes.halalVerifiedAt));
  if (spec.pirt) where.push(isNotNull(msmes.pirtNumber));
  if (spec.juara) where.push(eq(msmes.isJuara, true));
  if (spec.kbli) {
    const prefix = `${spec.kbli}%`;
    where.push(sql`EXISTS (SELECT 1 FROM json_each(${msmes.kbliCodes}) WHERE json_each.value LIKE ${prefix})`);
  }
  if (spec.platform) {
    const platform = spec.platform;
    where.push(sql`EXISTS (SELECT 1 FROM ${storeLinks} WHERE ${storeLinks.msmeId} = ${msmes.id} AND ${storeLinks.platform} = ${platform})`);
  }
  return where;
}

export interface Matches {
  /** Listing ids of the requested page, in order. */
  ids: number[];
  /** Every listing that matches: exactly, unless `atLeast` (then at least this many). */
  total: number;
  /** The total is a lower bound: a keyword search asked without the exact count matched more than the ranked window. */
  atLeast: boolean;
  /** How many of them can be paged through (the ranked window with keywords). */
  reachable: number;
  order: 'relevance' | 'verified-newest';
  /** Browsing: where the next page starts (the last listing of this one), when it may have more. */
  next: BrowseKey | undefined;
  /** The keyword expression the listings were found by (the prefix form when whole words found too few). */
  match: string | undefined;
}

/**
 * Keyset pagination: the `perPage` listings after `key` in the browse order, by seeks on a
 * browse index (status, [category | kabupaten/kota | kecamatan,] verified, published_at,
 * id). SQLite cannot seek on a row value
 * that starts with the verified expression, so the verified listings after the key and the
 * unverified ones are two seeks, each with the verified flag as an equality; at most twice
 * `perPage` rows are sorted. Page 2,000 costs what page 1 does.
 */
function afterKey(where: SQL | undefined, key: BrowseKey, perPage: number, verifiedOnly: boolean): SQL {
  const group = (verified: 0 | 1, bounded: boolean) => sql`SELECT * FROM (
    SELECT ${msmes.id} AS id, ${verified} AS v, ${msmes.publishedAt} AS p FROM ${msmes}
    WHERE ${where} AND (${msmes.nibVerifiedAt} IS NOT NULL) = ${verified}${bounded ? sql` AND (${msmes.publishedAt}, ${msmes.id}) < (${key.publishedAt}, ${key.id})` : sql``}
    ORDER BY ${msmes.publishedAt} DESC, ${msmes.id} DESC LIMIT ${perPage})`;
  // Only verified listings wanted: none come after an unverified key (and none need scanning).
  if (verifiedOnly && !key.verified) return sql`SELECT NULL AS id, NULL AS v, NULL AS p WHERE 0`;
  const rows = key.verified ? (verifiedOnly ? group(1, true) : sql`${group(1, true)} UNION ALL ${group(0, false)}`) : group(0, true);
  return sql`SELECT id, v, p FROM (${rows}) ORDER BY v DESC, p DESC, id DESC LIMIT ${perPage}`;
}

/** The browse position of a full page's last listing: the next page seeks past it. */
function nextKey(spec: SearchSpec, hits: [number, number, number?, number?][]): BrowseKey | undefined {
  const last = hits.at(-1);
  if (spec.match !== undefined || hits.length < spec.perPage || !last || last[3] === undefined || last[3] === null) return undefined;
  return { id: last[0], verified: last[2] === 1, publishedAt: last[3] };
}

export interface MatchSummary {
  /** Matching listings whose NIB staff verified. */
  verified: number;
  /** Lowest and highest product price over all matches. */
  priceRange: { min: number; max: number } | null;
}

/** Reads a JSON array that SQLite built with json_group_array. */
const jsonList = <T>(text: unknown): T[] => (typeof text === 'string' ? (JSON.parse(text) as T[]) : []);

interface MatchRow {
  hits: string;
  /** [total, verified count, lowest price, highest price] */
  summary: string;
  records?: string;
}

export interface MatchOptions {
  summary?: boolean;
  /**
   * A JSON expression over a published listing `m`: when given, the page's listings come
   * back in `records` from the same statement (one round trip to a remote database).
   */
  records?: SQL;
  /**
   * With keywords, count every match exactly (the API's `total`). The search page asks
   * without: past the ranked window it says "more than 500", and the second walk of the
   * posting lists that an exact count needs (most of the time of a common pair of words
   * such as "batik cirebon" at a million listings) is not made.
   */
  exactTotal?: boolean;
}

/**
 * One page of matches for a spec, how many match in all and, when asked, the summary
 * figures, in a single statement: one round trip, also to a remote libSQL server, and the
 * keyword match evaluated once for the counts.
 */
export async function findMatches(db: DbOrTx, spec: SearchSpec, options: MatchOptions & { summary: true }): Promise<Matches & MatchSummary & { records: unknown[] }>;
export async function findMatches(db: DbOrTx, spec: SearchSpec, options?: MatchOptions & { summary?: false }): Promise<Matches & { records: unknown[] }>;
export async function findMatches(db: DbOrTx, spec: SearchSpec, options: MatchOptions = {}): Promise<Matches & Partial<MatchSummary> & { records: unknown[] }> {
  const offset = (spec.page - 1) * spec.perPage;
  const match = ftsQuery(spec);
  let statement: SQL;
  if (!match) {
    const where = and(...filters(spec));
    const order = sql`ORDER BY (${msmes.nibVerifiedAt} IS NOT NULL) DESC, ${msmes.publishedAt} DESC, ${msmes.id} DESC`;
    const page = spec.after
      ? afterKey(where, spec.after, spec.perPage, spec.verified)
      : sql`SELECT ${msmes.id} AS id, (${msmes.nibVerifiedAt} IS NOT NULL) AS v, ${msmes.publishedAt} AS p FROM ${msmes} WHERE ${where} ${order} LIMIT ${spec.perPage} OFFSET ${offset}`;
    // The total from the kept filter counts where they cover the filters; the summary figures count the listings.
    const kept = options.summary ? undefined : keptTotal(spec);
    const summary = kept
      ? sql`json_array(${kept})`
      : sql`(SELECT json_array(count(*)${options.summary ? sql`, count(${msmes.nibVerifiedAt}), min(${msmes.priceMin}), max(${msmes.priceMax})` : sql``}) FROM ${msmes} WHERE ${where})`;
    statement = sql`
      SELECT ${summary} AS summary,
             (SELECT json_group_array(json_array(id, 0, v, p)) FROM (${page})) AS hits`;
  } else {
    // The newest RANK_WINDOW + 1 matches with their BM25 scores, in one walk of the index
    // (FTS5 reads rowids backwards without sorting and stops at the limit). Filtered
    // searches usually end inside the window, and then the counts come from it too; only
    // past it is the keyword matched once more for the exact count and the summary.
    const all = sql`SELECT rowid FROM msme_fts WHERE msme_fts MATCH ${match}`;
    // Past the window, one more walk gives the exact count and the summary together.
    const figures = options.summary ? sql`count(*), count(m.nib_verified_at), min(m.price_min), max(m.price_max)` : sql`count(*)`;
    const beyond =
      options.exactTotal === false && !options.summary
        ? sql`json_array(${RANK_WINDOW + 1})`
        : options.summary
          ? sql`(SELECT json_array(${figures}) FROM msmes m INDEXED BY msmes_summary_idx WHERE m.id IN (${all}))`
          : sql`(SELECT json_array(count(*)) FROM (${all}))`;
    statement = sql`
      WITH hits AS MATERIALIZED (
        SELECT rowid AS id, ${RANK} AS score FROM msme_fts WHERE msme_fts MATCH ${match}
        ORDER BY rowid DESC LIMIT ${RANK_WINDOW + 1}),
      n AS (SELECT count(*) AS c FROM hits)
      SELECT CASE WHEN (SELECT c FROM n) <= ${RANK_WINDOW}
                  THEN (SELECT json_array(${figures}) FROM hits JOIN msmes m INDEXED BY msmes_summary_idx ON m.id = hits.id)
                  ELSE ${beyond} END AS summary,
             (SELECT json_group_array(json_array(id, score)) FROM (
                SELECT id, score FROM (SELECT id, score FROM hits ORDER BY id DESC LIMIT ${RANK_WINDOW})
                ORDER BY score, id DESC LIMIT ${spec.perPage} OFFSET ${offset})) AS hits`;
  }
  // The records read the page's ids from the computed hits (materialised, so the match runs once);
  // "+m.status": by primary key, not by an index on status that would scan every published row.
  const [row] = await db.all<MatchRow>(
    options.records
      ? sql`WITH x AS MATERIALIZED (${statement})
            SELECT x.summary, x.hits, (SELECT json_group_array(${options.records}) FROM ${msmes} m
              WHERE m.id IN (SELECT value ->> 0 FROM json_each(x.hits)) AND +m.status = 'published') AS records FROM x`
      : statement,
  );
  const hits = jsonList<[number, number, number?, number?]>(row?.hits);
  if (match) hits.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
  const [total = 0, verified, min, max] = jsonList<number | null>(row?.summary) as [number?, number?, (number | null)?, (number | null)?];
  const result = {
    records: jsonList<unknown>(row?.records),
    ids: hits.map(([id]) => id),
    total,
    atLeast: Boolean(match) && options.exactTotal === false && !options.summary && total > RANK_WINDOW,
    reachable: match ? Math.min(total, RANK_WINDOW) : total,
    order: match ? ('relevance' as const) : ('verified-newest' as const),
    next: nextKey(spec, hits),
    match: spec.match,
  };
  // Whole words found less than a page: the last word may be one still being typed.
  if (spec.match && spec.prefixMatch && spec.prefixMatch !== spec.match && total < spec.perPage) {
    return findMatches(db, { ...spec, match: spec.prefixMatch, prefixMatch: undefined }, options as MatchOptions & { summary: true });
  }
  if (!options.summary) return result;
  return { ...result, verified: Number(verified ?? 0), priceRange: min === null || min === undefined ? null : { min, max: max ?? min } };
}

/** Rows fetched by id, returned in the order of `ids`. */
export function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A date column as SQLite keeps it (milliseconds), or null. */
export const dateOf = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Records of published listings built as JSON by `record` (over `m`), for these ids and in their order, in one statement. */
export async function recordsByIds<T>(db: DbOrTx, ids: number[], record: SQL): Promise<T[]> {
  if (ids.length === 0) return [];
  // "+m.status": by primary key alone; an index on status would make the planner scan every published row.
  const [row] = await db.all<{ list: string }>(
    sql`SELECT json_group_array(${record}) AS list FROM ${msmes} m WHERE m.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND +m.status = 'published'`,
  );
  return JSON.parse(row?.list ?? '[]') as T[];
}
