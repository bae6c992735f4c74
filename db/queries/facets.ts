import { sql, type SQL } from 'drizzle-orm';
import { ftsQuery, RANK_WINDOW, type SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { platformIds } from '../../src/core/platforms.ts';

/** How many listings each option of each filter would show, given the others chosen. */
export interface FacetCounts {
  /** Per category, with every other filter: ticking one more adds these. */
  categories: Map<string, number>;
  /** Per kabupaten/kota, when none is chosen. */
  regencies: Map<string, number>;
  /** Per kecamatan of the chosen kabupaten/kota. */
  districts: Map<string, number>;
  /** With every filter and a verified NIB / a halal certificate. */
  verified: number;
  halal: number;
  /** Per platform, with every other filter. */
  platforms: Map<string, number>;
  /**
   * The counts are of the newest FACET_WINDOW matches of a keyword search that matched
   * more: each is then at least what it says ("1.234+").
   */
  atLeast: boolean;
}

/**
 * A keyword search's filter counts are made over at most this many of its newest matches,
 * the same window its results are ranked in (RANK_WINDOW): a page that says
 * "lebih dari 500 hasil" counts its filters over those 500. A common word ("keripik",
 * "makanan") matches tens of thousands of listings at a million, and counting every one of
 * them by every filter took 0.4 to 1 s; with filters chosen the matches are usually fewer,
 * and the counts exact.
 */
export const FACET_WINDOW = RANK_WINDOW;

const counts = (text: unknown) => new Map(Object.entries(typeof text === 'string' ? (JSON.parse(text) as Record<string, number>) : {}));
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

interface Row {
  c: string;
  r: string;
  d: string;
  v: number;
  h: number;
  p: string;
  full?: number;
}

/**
 * The counts of every filter option for a search or a browse, in one statement. Each
 * filter's options are counted without that filter's own choice, so ticking a second
 * category shows what it adds; a kabupaten/kota, once chosen, is narrowed by kecamatan
 * rather than changed (its chip undoes it). A category page's own category (`categoryFixed`)
 * narrows every count. Without keywords the counts add up rows of facet_counts, kept by
 * triggers (migration 0017); with keywords they count the matches (see FACET_WINDOW).
 */
export async function facetCounts(db: DbOrTx, spec: SearchSpec, options: { categoryFixed?: boolean } = {}): Promise<FacetCounts> {
  const row = spec.match ? await matchCounts(db, spec, options.categoryFixed ?? false) : await keptCounts(db, spec, options.categoryFixed ?? false);
  return {
    categories: counts(row?.c),
    regencies: counts(row?.r),
    districts: counts(row?.d),
    verified: Number(row?.v ?? 0),
    halal: Number(row?.h ?? 0),
    platforms: counts(row?.p),
    atLeast: Number(row?.full ?? 0) > FACET_WINDOW,
  };
}

/**
 * How many listings a browse (no keywords) shows, from facet_counts, as a SQL expression;
 * undefined when a filter is not one of its dimensions (P-IRT, UMKM Juara, KBLI, halal checked by staff). Counting
 * a kabupaten/kota's halal listings with a Shopee store went from 180 ms (every listing
 * there looked at) to a sum of a few rows.
 */
export function keptTotal(spec: SearchSpec): SQL | undefined {
  if (spec.match || spec.pirt || spec.juara || spec.kbli || spec.halalVerified) return undefined;
  return sql`(SELECT coalesce(sum(n), 0) FROM facet_counts WHERE ${keptWhere(spec, 'none', false)})`;
}

/**
 * The rows of facet_counts a browse adds up: the spec's filters, except `without`'s own
 * (its options are what is counted), unless it is the page's fixed category. Rows of a
 * kecamatan, or (kecamatan '') of a whole kabupaten/kota: a count over the province adds
 * up about 1,600 rows rather than 37,000.
 */
function keptWhere(spec: SearchSpec, without: 'category' | 'place' | 'platform' | 'none', categoryFixed: boolean, extra: SQL = sql`1`): SQL {
  // Each platform by name, so every one is a seek to its kecamatan-'' rows rather than one scan of all.
  const parts: SQL[] = [without === 'platform' ? sql`platform IN (${list(platformIds)})` : sql`platform = ${spec.platform ?? ''}`, extra];
  if (spec.categories.length > 0 && (without !== 'category' || categoryFixed)) parts.push(sql`category IN (${list(spec.categories)})`);
  if (spec.regency) parts.push(sql`regency_code = ${spec.regency}`);
  // A kabupaten/kota's kecamatan codes run from "32.73." to just before "32.73/".
  if (without === 'place' && spec.regency) parts.push(sql`district_code > ${`${spec.regency}.`} AND district_code < ${`${spec.regency}/`}`);
  else parts.push(sql`district_code = ${spec.district ?? ''}`);
  if (spec.verified) parts.push(sql`verified = 1`);
  if (spec.halal) parts.push(sql`halal = 1`);
  return sql.join(parts, sql` AND `);
}

/** A browse's counts from facet_counts: at most a few thousand rows added up, at any size. */
async function keptCounts(db: DbOrTx, spec: SearchSpec, categoryFixed: boolean): Promise<Row | undefined> {
  const where = (without: 'category' | 'place' | 'platform' | 'none', extra?: SQL) => keptWhere(spec, without, categoryFixed, extra);
  const grouped = (column: SQL, where: SQL) => sql`(SELECT json_group_object(k, n) FROM (SELECT ${column} AS k, sum(n) AS n FROM facet_counts WHERE ${where} GROUP BY ${column} HAVING sum(n) > 0))`;
  const [row] = await db.all<Row>(sql`
    SELECT ${grouped(sql`category`, where('category'))} AS c,
           ${spec.regency ? sql`'{}'` : grouped(sql`regency_code`, where('place'))} AS r,
           ${spec.regency ? grouped(sql`district_code`, where('place')) : sql`'{}'`} AS d,
           (SELECT coalesce(sum(n), 0) FROM facet_counts WHERE ${where('none', sql`verified = 1`)}) AS v,
           (SELECT coalesce(sum(n), 0) FROM facet_counts WHERE ${where('none', sql`halal = 1`)}) AS h,
           ${grouped(sql`platform`, where('platform'))} AS p`);
  return row;
}

/**
 * A keyword search's counts: its newest matches (at most FACET_WINDOW) that pass the
 * filters every count shares (kabupaten/kota, NIB, halal: tags inside FTS5), each read
 * once from a narrow covering index by id (msmes_facet_idx, which holds the platforms too)
 * and counted per filter here. One pass: a materialised set read by several subqueries
 * was made again for each (90 ms at a million listings), and platforms looked up per
 * listing cost 10 ms more.
 */
async function matchCounts(db: DbOrTx, spec: SearchSpec, categoryFixed: boolean): Promise<Row | undefined> {
  const shared = ftsQuery({ ...spec, categories: categoryFixed ? spec.categories : [], district: undefined, platform: undefined });
  // One JSON array of the matches, parsed here: rows handed one by one through the driver
  // cost 7 ms for 500 matches, the same as one string 1 ms.
  const [found] = await db.all<{ rows: string; full: number }>(sql`
    WITH hits AS MATERIALIZED (SELECT rowid AS id FROM msme_fts WHERE msme_fts MATCH ${shared} ORDER BY rowid DESC LIMIT ${FACET_WINDOW + 1})
    SELECT json_group_array(json_array(m.category, m.regency_code, m.district_code, m.nib_verified_at IS NOT NULL, m.halal_number IS NOT NULL, m.platforms)) AS rows,
           (SELECT count(*) FROM hits) AS full
    FROM (SELECT id FROM hits ORDER BY id DESC LIMIT ${FACET_WINDOW}) w JOIN msmes m INDEXED BY msmes_facet_idx ON m.id = w.id AND +m.status = 'published'`);
  const listings = JSON.parse(found?.rows ?? '[]') as [string, string, string, number, number, string][];
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const c = new Map<string, number>();
  const r = new Map<string, number>();
  const d = new Map<string, number>();
  const p = new Map<string, number>();
  let v = 0;
  let h = 0;
  for (const [category, regency, district, verified, halal, list] of listings) {
    const platforms = list === '' ? [] : list.split(',');
    const inCategory = categoryFixed || spec.categories.length === 0 || spec.categories.includes(category);
    const inDistrict = !spec.district || district === spec.district;
    const onPlatform = !spec.platform || platforms.includes(spec.platform);
    if (inDistrict && onPlatform) add(c, category, 1);
    if (inCategory && onPlatform) add(spec.regency ? d : r, spec.regency ? district : regency, 1);
    if (inCategory && inDistrict) for (const platform of platforms) add(p, platform, 1);
    if (inCategory && inDistrict && onPlatform) {
      if (verified) v += 1;
      if (halal) h += 1;
    }
  }
  const json = (map: Map<string, number>) => JSON.stringify(Object.fromEntries(map));
  return { c: json(c), r: json(r), d: json(d), v, h, p: json(p), full: found?.full ?? 0 };
}

/**
 * Fills facet_counts and each listing's platforms again from the listings, after a bulk
 * load (which leaves their triggers off); the same statements as migration 0017.
 */
export async function refillFacetCounts(db: DbOrTx): Promise<void> {
  await db.run(sql`UPDATE msmes SET platforms = coalesce((SELECT group_concat(platform) FROM (SELECT DISTINCT platform FROM store_links WHERE msme_id = msmes.id ORDER BY platform)), '')`);
  await db.run(sql`DELETE FROM facet_counts`);
  for (const level of [sql`m.district_code`, sql`''`]) {
    const key = sql`m.category, m.regency_code, ${level}, m.nib_verified_at IS NOT NULL, m.halal_number IS NOT NULL`;
    await db.run(sql`INSERT INTO facet_counts (platform, category, regency_code, district_code, verified, halal, n)
      SELECT '', ${key}, count(*) FROM msmes m WHERE m.status = 'published' GROUP BY 2, 3, 4, 5, 6`);
    await db.run(sql`INSERT INTO facet_counts (platform, category, regency_code, district_code, verified, halal, n)
      SELECT s.platform, ${key}, count(DISTINCT m.id) FROM msmes m JOIN store_links s ON s.msme_id = m.id WHERE m.status = 'published' GROUP BY 1, 2, 3, 4, 5, 6`);
  }
}
