import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { dateOf as date, findMatches, inOrder, recordsByIds } from './matches.ts';
import type { SearchSpec } from '../../src/core/search.ts';
import type { DbOrTx } from '../client.ts';
import { msmes, products, storeLinks } from '../schema.ts';
import { photosOf } from './photos.ts';
import { shopDetailsOf } from './registrations.ts';

/**
 * A listing as a card shows it, as one JSON array built inside SQLite, with the platforms
 * it sells on (once each, in the owner's order): one statement for a whole page, also over
 * HTTP to Turso, instead of a query for the rows and one for their links.
 */
const SUMMARY_JSON = sql.raw(`json_array(
  m.id, m.slug, m.name, m.description, m.category, m.regency_code, m.district_code, m.verification, m.verified_at,
  m.nib_verified_at, m.halal_number, m.pirt_number, m.is_juara, m.published_at, m.price_min,
  (SELECT file_key FROM msme_photos p WHERE p.msme_id = m.id AND p.status = 'published' ORDER BY p.position, p.id LIMIT 1),
  (SELECT json_group_array(platform) FROM (
    SELECT platform FROM store_links WHERE store_links.msme_id = m.id GROUP BY platform ORDER BY min(position))))`);

type SummaryTuple = [
  number, string, string, string, string, string, string, string, number | null,
  number | null, string | null, string | null, number, number | null, number | null,
  string | null, string[],
];

function summaryOf(t: SummaryTuple) {
  const [id, slug, name, description, category, regencyCode, districtCode, verification, verifiedAt, nibVerifiedAt, halalNumber, pirtNumber, isJuara, publishedAt, priceFrom, photo, platforms] = t;
  return {
    id,
    slug,
    name,
    description,
    category,
    regencyCode,
    districtCode,
    verification: verification as 'self' | 'mentor' | 'staff',
    verifiedAt: date(verifiedAt),
    nibVerifiedAt: date(nibVerifiedAt),
    halalNumber,
    pirtNumber,
    isJuara: isJuara === 1,
    publishedAt: date(publishedAt),
    priceFrom,
    /** The first published photo's file key: the card's thumbnail is `/<key>-thumb.webp`. */
    photo,
    platforms,
  };
}

export type MsmeSummaryRow = ReturnType<typeof summaryOf>;

/**
 * A page of published listings matching the spec, with the total. With keywords the
 * order is BM25 relevance; without, verified first, then newest. One statement.
 */
export async function searchMsmes(db: DbOrTx, spec: SearchSpec, options: { exactTotal?: boolean } = {}) {
  const { records, ...matches } = await findMatches(db, spec, { records: SUMMARY_JSON, ...(options.exactTotal === false ? { exactTotal: false } : {}) });
  return { ...matches, items: inOrder(matches.ids, (records as SummaryTuple[]).map(summaryOf)) };
}

/** Listing summaries (what a card shows) for these ids, in their order, in one statement. */
export async function summariesByIds(db: DbOrTx, ids: number[]): Promise<MsmeSummaryRow[]> {
  return inOrder(ids, (await recordsByIds<SummaryTuple>(db, ids, SUMMARY_JSON)).map(summaryOf));
}

/** One published listing with its store links and products, or undefined. */
export async function getPublishedMsme(db: DbOrTx, slug: string) {
  const [m] = await db
    .select()
    .from(msmes)
    .where(and(eq(msmes.slug, slug), eq(msmes.status, 'published')));
  if (!m) return undefined;
  const [links, items, photos] = await Promise.all([
    db.select().from(storeLinks).where(eq(storeLinks.msmeId, m.id)).orderBy(asc(storeLinks.position)),
    db.select().from(products).where(eq(products.msmeId, m.id)).orderBy(asc(products.position)),
    photosOf(db, m.id),
  ]);
  return { ...toPublicMsme(m, links, items), photos: photos.map(({ fileKey, kind, caption, width, height, widths }) => ({ fileKey, kind, caption, width, height, widths })) };
}

type MsmeRow = typeof msmes.$inferSelect;

/** The public face of a listing: business data only, no status token hash or email. */
function toPublicMsme(m: MsmeRow, links: (typeof storeLinks.$inferSelect)[], items: (typeof products.$inferSelect)[]) {
  return {
    slug: m.slug,
    name: m.name,
    description: m.description,
    category: m.category,
    kbliCodes: m.kbliCodes,
    kbliEdition: m.kbliEdition,
    regencyCode: m.regencyCode,
    districtCode: m.districtCode,
    address: m.address,
    whatsapp: m.whatsapp,
    nib: m.nib,
    nibVerifiedAt: m.nibVerifiedAt,
    halalNumber: m.halalNumber,
    pirtNumber: m.pirtNumber,
    ...shopDetailsOf(m),
    verification: m.verification,
    verifiedAt: m.verifiedAt,
    isJuara: m.isJuara,
    isSample: m.isSample,
    publishedAt: m.publishedAt,
    updatedAt: m.updatedAt,
    // A link the checker found gone twice, a week apart, leaves the public face (the owner and staff still see it).
    storeLinks: links.filter((l) => l.checkState !== 'gone').map((l) => ({ platform: l.platform, url: l.url })),
    products: items.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax, unit: p.unit, url: p.url, priceConfirmedAt: p.priceConfirmedAt })),
  };
}

export type PublicMsme = ReturnType<typeof toPublicMsme>;
/** A profile: the public face with its published photos, in the owner's order. */
export type PublicProfile = NonNullable<Awaited<ReturnType<typeof getPublishedMsme>>>;

/**
 * Every published listing with links and products, streamed in pages of `batch` so a
 * build of 100,000 listings never holds more than one page of rows from the driver.
 */
export async function* allPublishedMsmes(db: DbOrTx, batch = 2000): AsyncGenerator<PublicMsme[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(msmes)
      // "+status": the status index would make each page read every published listing and
      // sort them (a million listings: minutes); walking the ids in order, each page reads its own.
      .where(and(sql`+${msmes.status} = 'published'`, sql`${msmes.id} > ${afterId}`))
      .orderBy(asc(msmes.id))
      .limit(batch);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [links, items] = await Promise.all([
      db.select().from(storeLinks).where(inArray(storeLinks.msmeId, ids)).orderBy(asc(storeLinks.position)),
      db.select().from(products).where(inArray(products.msmeId, ids)).orderBy(asc(products.position)),
    ]);
    const linksBy = groupBy(links, (l) => l.msmeId);
    const itemsBy = groupBy(items, (p) => p.msmeId);
    yield rows.map((m) => toPublicMsme(m, linksBy.get(m.id) ?? [], itemsBy.get(m.id) ?? []));
    afterId = ids[ids.length - 1] ?? afterId;
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The products of these listings with the shop each belongs to, for products as search results (the shops' photos come with their summaries). */
export async function productsOfListings(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      msmeId: products.msmeId,
      name: products.name,
      priceMin: products.priceMin,
      priceMax: products.priceMax,
      unit: products.unit,
      slug: msmes.slug,
      shop: msmes.name,
      districtCode: msmes.districtCode,
      regencyCode: msmes.regencyCode,
    })
    .from(products)
    .innerJoin(msmes, eq(msmes.id, products.msmeId))
    .where(and(inArray(products.msmeId, ids), eq(msmes.status, 'published')))
    .orderBy(asc(products.msmeId), asc(products.position));
}
