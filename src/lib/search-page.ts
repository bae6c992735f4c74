import { AppError, type FieldError } from '../core/errors.ts';
import { productsOfListings } from '../../db/queries/msmes.ts';
import { productMatcher } from '../core/product-match.ts';

import { categoriesNamed, ftsMatch, parseSearchQuery, type SearchSpec } from '../core/search.ts';
import { districtInQuery, placeInQuery } from '../core/query-places.ts';
import { categories, findRegency } from '../core/reference.ts';
import { searchWords } from '../core/text.ts';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { closestWords } from '../../db/queries/vocabulary.ts';
import type { DbOrTx } from '../../db/client.ts';
import { facetCounts } from '../../db/queries/facets.ts';
import { facetView, FILTER_PARAMS, filterParams, readFilters, writeFilters, type PageFilters } from './facets.ts';

/** Products shown above the shops on a search page. */
const PRODUCTS_SHOWN = 12;

/** Results per page of the search page. */
export const SEARCH_PAGE_SIZE = 20;

export interface SearchPageQuery {
  q: string;
  filters: PageFilters;
  /** "1": take the words as they are, without reading a kabupaten/kota out of them. */
  persis?: string;
}

/** What the page made of a kabupaten/kota or kecamatan named in the words. */
export interface PlaceUnderstood {
  typed: string;
  /** The one it named, now the search's filter (its chip in the filters undoes it). */
  chosen?: { name: string };
  /** Every place of that name, with what each has for the other words. */
  options?: { name: string; count: number; atLeast: boolean; href: string }[];
}

/** A place the words may name, as the search's filter. */
interface NamedPlace {
  name: string;
  regency: string;
  district: string | undefined;
}

/** The kabupaten/kota named in the words, or else the kecamatan, with the words left. */
function placeNamed(q: string): { rest: string; typed: string; places: NamedPlace[] } | undefined {
  const regency = placeInQuery(q);
  if (regency) return { ...regency, places: regency.regencies.map((r) => ({ name: r.name, regency: r.code, district: undefined })) };
  const district = districtInQuery(q);
  if (district) return { ...district, places: district.districts.map((d) => ({ name: `Kecamatan ${d.name}, ${d.regencyName}`, regency: d.regencyCode, district: d.code })) };
  return undefined;
}

/** The words as a spec without a keyword part, or with just these words. */
const withWords = (spec: SearchSpec, rest: string): SearchSpec => {
  const q = rest === '' ? undefined : rest;
  return { ...spec, q, match: q && ftsMatch(q), prefixMatch: q && ftsMatch(q, { lastAsPrefix: true }) };
};

/**
 * The search page's query: keywords, category and kabupaten/kota, run by the same FTS5
 * search as /api/msmes (db/queries/msmes.ts), without the exact count past the 500 best
 * matches ("lebih dari 500 hasil"). A bad value comes back as a field error
 * named after the form's own field, and no search runs; other parameters (utm_…) are ignored.
 */
export async function runSearchPage(db: DbOrTx, url: URL) {
  const filters = readFilters(url.searchParams);
  const query: SearchPageQuery = {
    q: url.searchParams.get('q')?.trim() ?? '',
    filters,
    ...(url.searchParams.get('persis') === '1' ? { persis: '1' } : {}),
  };
  const params = filterParams(filters, new URLSearchParams({ per_page: String(SEARCH_PAGE_SIZE) }));
  if (query.q) params.set('q', query.q);
  const page = url.searchParams.get('halaman');
  if (page) params.set('page', page);
  const asked = query.q !== '' || params.size > 1;
  if (!asked) return { query, asked, errors: [] as FieldError[], result: undefined, page: 1 };
  try {
    let spec = parseSearchQuery(params);
    // "kopi garut", "surabi cibiru": the kabupaten/kota or kecamatan named in the words
    // becomes the filter, shown as a chip; a name several places carry ("batik cirebon",
    // "kopi sukaraja") is offered for each, with what each has for the other words.
    let place: PlaceUnderstood | undefined;
    const named = !spec.regency && !query.persis ? placeNamed(query.q) : undefined;
    const asTyped = spec;
    if (named && named.places.length === 1) {
      const chosen = named.places[0]!;
      spec = { ...withWords(spec, named.rest), regency: chosen.regency, district: chosen.district };
      place = { typed: named.typed, chosen: { name: chosen.name } };
    } else if (named) {
      const options = [];
      for (const p of named.places) {
        const found = await searchMsmes(db, { ...withWords(spec, named.rest), regency: p.regency, district: p.district, page: 1 }, { exactTotal: false });
        const href = searchHref({ q: named.rest, filters: { ...filters, wilayah: p.regency, kecamatan: p.district ?? '' } }, 1);
        options.push({ name: p.name, count: found.total, atLeast: found.atLeast, href });
      }
      place = { typed: named.typed, options };
    }
    // "makanan", "pakaian": words that only name categories are those categories, as chips
    // (a browse of them, where matching the word in a hundred thousand listings would be slow).
    const namedCategories = spec.categories.length === 0 && !query.persis && spec.q ? categoriesNamed(spec.q) : [];
    const byCategory = namedCategories.length > 0;
    if (byCategory) spec = { ...withWords(spec, ''), categories: namedCategories };
    let result = await searchMsmes(db, spec, { exactTotal: false });
    // Nothing there, but the words as typed find listings elsewhere ("stroberi ciwidey" sold
    // in Bandung): show those, and the place as an option with its count of none.
    if (place?.chosen && named && result.total === 0 && spec.match !== asTyped.match) {
      const literal = await searchMsmes(db, asTyped, { exactTotal: false });
      if (literal.total > 0) {
        const chosen = named.places[0]!;
        const href = searchHref({ q: named.rest, filters: { ...filters, wilayah: chosen.regency, kecamatan: chosen.district ?? '' } }, 1);
        place = { typed: named.typed, options: [{ name: chosen.name, count: 0, atLeast: false, href }] };
        spec = asTyped;
        result = literal;
      }
    }
    // Nothing found: never fillers. How many the words find in all of Jawa Barat when a
    // filter narrowed them, and the categories whose name or description has the words.
    const filtered = spec.categories.length > 0 || Boolean(spec.regency || spec.verified || spec.halal || spec.platform);
    const wider =
      result.total === 0 && filtered && spec.match
        ? (await searchMsmes(db, { ...spec, categories: [], regency: undefined, district: undefined, verified: false, halal: false, platform: undefined, page: 1 }, { exactTotal: false })).total
        : undefined;
    // Nothing in the chosen kabupaten/kota: where else the same words and other filters find listings, most first.
    const elsewhere = result.total === 0 && spec.regency && spec.match ? await otherRegencies(db, { ...spec, match: result.match }, filters) : [];
    const nearby = matchingCategories(query.q);
    // A slip of the keyboard: the closest indexed words, offered as a link.
    const meant = result.total === 0 && query.q ? await closestWords(db, query.q) : undefined;
    // The filters with their counts, over the words the results were found by.
    const understood: PageFilters = { ...filters, kategori: spec.categories, wilayah: spec.regency ?? '', kecamatan: spec.district ?? '' };
    const counts = await facetCounts(db, { ...spec, match: result.match });
    // Other filters keep the words as typed; once a place read from them is a chip, they are taken as they are.
    const readFromWords = Boolean(place?.chosen) || byCategory;
    const literally = readFromWords ? ({ persis: '1' } as const) : {};
    const keep: [string, string][] = [...(query.q ? [['q', query.q] as [string, string]] : []), ...(readFromWords ? [['persis', '1'] as [string, string]] : [])];
    const facets = facetView(understood, counts, (f) => searchHref({ q: query.q, filters: f, ...literally }, 1), { keep });
    // Products as results: the products of this page's shops whose names have the words, in the shops' order.
    const order = new Map(result.items.map((m, i) => [m.id, i]));
    const photoOf = new Map(result.items.map((m) => [m.id, m.photo]));
    // A place named in the words ("batik cirebon") says where, not what: products answer the rest.
    const productWords = named ? named.rest : query.q;
    const matchingProducts = productWords.trim()
      ? (await productsOfListings(db, result.items.map((m) => m.id)))
          .filter(productMatcher(productWords))
          .sort((a, b) => (order.get(a.msmeId) ?? 0) - (order.get(b.msmeId) ?? 0))
          .slice(0, PRODUCTS_SHOWN)
          .map((p) => ({ ...p, photo: photoOf.get(p.msmeId) ?? null }))
      : [];
    return { query, asked, errors: [] as FieldError[], result, page: spec.page, pages: Math.max(1, Math.ceil(result.reachable / spec.perPage)), wider, elsewhere, nearby, place, meant, facets, products: matchingProducts };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const ourName: Record<string, string> = { ...Object.fromEntries(Object.entries(FILTER_PARAMS).map(([ours, api]) => [api, ours])), page: 'halaman' };
    const errors = error.fields.map((f) => ({ path: ourName[f.path] ?? f.path, message: f.message }));
    return { query, asked, errors, result: undefined, page: 1 };
  }
}

/** The kabupaten/kota other than the chosen one where the same words and filters find listings, most first (at most five). */
async function otherRegencies(db: DbOrTx, spec: SearchSpec, filters: PageFilters) {
  const counts = await facetCounts(db, { ...spec, regency: undefined, district: undefined });
  return [...counts.regencies]
    .filter(([code, n]) => n > 0 && code !== spec.regency)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .flatMap(([code, count]) => {
      const regency = findRegency(code);
      const href = searchHref({ q: spec.q ?? '', filters: { ...filters, wilayah: code, kecamatan: '' } }, 1);
      return regency ? [{ name: regency.name, count, atLeast: counts.atLeast, href }] : [];
    });
}

/** The address of another page of the same search. */
export function searchHref(query: SearchPageQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  writeFilters(query.filters, params);
  if (query.persis === '1') params.set('persis', '1');
  if (page > 1) params.set('halaman', String(page));
  return `/cari/${params.size ? `?${params}` : ''}`;
}

/**
 * Categories a search's words point to: a word (or two) among a category's everyday words
 * ("makanan" → Kuliner, Oleh-oleh & Makanan Khas), or in its name or description.
 */
export function matchingCategories(q: string) {
  const words = searchWords(q);
  if (words.length === 0) return [];
  const phrases = new Set([...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)]);
  return categories.filter((c) => {
    if (c.synonyms.some((s) => phrases.has(s))) return true;
    const text = searchWords(`${c.name} ${c.description}`);
    return words.some((w) => w.length >= 3 && text.includes(w));
  });
}
