import { z } from 'zod';
import { categories, categorySlugs, findDistrict, findRegency } from './reference.ts';
import { platformIds } from './platforms.ts';
import { messages } from './messages.ts';
import { AppError, type FieldError } from './errors.ts';
import { toFieldErrors } from './validation.ts';
import { searchWords } from './text.ts';
import { wordForm } from './word-forms.ts';
import { filterTokens, mayBeFilterToken, tag } from './search-tags.ts';

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_QUERY = 100;
/**
 * How deep numbered pages reach. Past it, an offset would make the database step over
 * every row before it (page 2,000 of a category took 1.5 s at a million listings), so
 * browsing goes on by `after`, which seeks straight to the row (links.next).
 */
export const MAX_OFFSET = 10_000;
const MAX_TERMS = 8;
/**
 * Ranking is bounded: BM25 runs only over the newest RANK_WINDOW matches that pass the
 * filters, so a common word over a million listings costs the same as over ten thousand.
 * The total stays exact; pages reach as far as the ranked window, and the search page
 * counts its filters over the same window (db/queries/facets.ts).
 */
export const RANK_WINDOW = 500;

const flag = z
  .enum(['1', 'true', '0', 'false'], { error: messages.flag })
  .transform((v) => v === '1' || v === 'true');

const known: ReadonlySet<string> = new Set(categorySlugs);

const positiveInt = (message: string, max: number) =>
  z
    .string({ error: message })
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message).max(max, message));

/** The query string of a directory or supplier search, as the API and the search pages accept it. */
export const searchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(MAX_QUERY, messages.query).optional().meta({ description: 'Kata kunci (nama, produk, deskripsi, wilayah), maksimal 100 karakter; semua kata harus cocok, kata terakhir boleh berupa awalan ("kerip" menemukan keripik).' }),
    category: z
      .string()
      .refine((v) => v.split(',').every((c) => known.has(c.trim())), messages.category)
      .transform((v) => [...new Set(v.split(',').map((c) => c.trim()))])
      .optional()
      .meta({ description: 'Kategori (slug), misalnya kuliner; beberapa dipisah koma (kuliner,oleh-oleh) atau parameter diulang: cocok dengan salah satunya.' }),
    kbli: z.string().regex(/^\d{2,5}$/, messages.kbliFilter).optional().meta({ description: 'Kode KBLI 2020, 2 sampai 5 angka; cocok dengan awalan kode.' }),
    regency: z.string().refine((c) => findRegency(c) !== undefined, messages.regency).optional().meta({ description: 'Kode Kemendagri kabupaten/kota, misalnya 32.73.' }),
    district: z.string().refine((c) => findDistrict(c) !== undefined, messages.district).optional().meta({ description: 'Kode Kemendagri kecamatan, misalnya 32.73.01.' }),
    platform: z.enum(platformIds, { error: messages.platform }).optional().meta({ description: 'Punya toko di platform ini.' }),
    verified: flag.optional().meta({ description: 'Hanya NIB yang sudah diverifikasi petugas.' }),
    halal: flag.optional().meta({ description: 'Hanya yang mencantumkan sertifikat halal (diverifikasi petugas atau dinyatakan pemilik).' }),
    halal_verified: flag.optional().meta({ description: 'Hanya yang sertifikat halalnya sudah dicocokkan petugas dengan daftar BPJPH.' }),
    pirt: flag.optional().meta({ description: 'Hanya yang memiliki P-IRT.' }),
    juara: flag.optional().meta({ description: 'Hanya peserta program UMKM Juara.' }),
    page: positiveInt(messages.page, 100_000).optional().meta({ description: 'Halaman, mulai 1.' }),
    per_page: positiveInt(messages.perPage, MAX_PER_PAGE).optional().meta({ description: 'Jumlah per halaman, 1 sampai 100 (bawaan 20).' }),
    after: z
      .string()
      .regex(/^[01]\.\d{1,15}\.\d{1,12}$/, messages.after)
      .optional()
      .meta({ description: 'Lanjut setelah listing ini (tanpa kata kunci): nilai dari links.next. Secepat halaman pertama, sedalam apa pun.' }),
  })
  .superRefine((v, ctx) => {
    if (v.after && v.q?.trim()) ctx.addIssue({ code: 'custom', path: ['after'], message: messages.afterWithQuery });
    if (v.after && v.page !== undefined && v.page > 1) ctx.addIssue({ code: 'custom', path: ['page'], message: messages.pageWithAfter });
    if (((v.page ?? 1) - 1) * (v.per_page ?? DEFAULT_PER_PAGE) >= MAX_OFFSET) ctx.addIssue({ code: 'custom', path: ['page'], message: messages.pageTooDeep(MAX_OFFSET) });
    if (v.district && v.regency && findDistrict(v.district)?.regencyCode !== v.regency) {
      ctx.addIssue({ code: 'custom', path: ['district'], message: messages.district });
    }
  });

/** The parameters a search takes; pages keep only these (a shared link's utm_source is no error there). */
export const SEARCH_PARAMS: ReadonlySet<string> = new Set(Object.keys(searchQuerySchema.shape));

/** A normalised search: what the queries layer receives. */
export interface SearchSpec {
  /** FTS5 MATCH expression built from the keywords (whole words), or undefined for a browse. */
  match: string | undefined;
  /** The same with the last word as the start of a word, tried when the whole words find less than a page. */
  prefixMatch: string | undefined;
  q: string | undefined;
  /** Listings of any of these categories (none: every category). */
  categories: string[];
  regency: string | undefined;
  district: string | undefined;
  platform: string | undefined;
  kbli: string | undefined;
  verified: boolean;
  halal: boolean;
  /** Only halal certificates staff checked. */
  halalVerified: boolean;
  pirt: boolean;
  juara: boolean;
  page: number;
  perPage: number;
  /** Browsing on from this listing (keyset pagination), instead of a numbered page. */
  after: BrowseKey | undefined;
}

/** A listing's place in the browse order: verified first, then newest, then by id. */
export interface BrowseKey {
  verified: boolean;
  /** Published at, in milliseconds. */
  publishedAt: number;
  id: number;
}

/** The `after` value of a listing: "1.1730419200000.12345" (verified, published ms, id). */
export const formatBrowseKey = (key: BrowseKey) => `${key.verified ? 1 : 0}.${key.publishedAt}.${key.id}`;

function parseBrowseKey(text: string): BrowseKey {
  const [verified, publishedAt, id] = text.split('.').map(Number) as [number, number, number];
  return { verified: verified === 1, publishedAt, id };
}

/**
 * A query string as the record the search schema checks: a parameter given twice is a 400
 * naming it (except `category`, which takes several), an empty box of a GET form
 * ("category=") means no filter.
 */
export function plainSearchParams(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const [key, value] of params) {
    // Several categories may come as one parameter each (checkboxes of a GET form).
    if (key === 'category' && seen.has(key)) {
      record[key] = [record[key], value].filter((v) => v?.trim()).join(',');
      continue;
    }
    if (seen.has(key)) fields.push({ path: key, message: messages.repeatedParam(key) });
    seen.add(key);
    if (value.trim() !== '' || key === 'q') record[key] = value;
  }
  if (fields.length > 0) throw new AppError('BAD_REQUEST', messages.badRequest, { fields });
  return record;
}

/** Reads URL query parameters into a SearchSpec, refusing unknown or repeated ones with a 400 that names the parameter. */
export function parseSearchQuery(params: URLSearchParams): SearchSpec {
  const parsed = searchQuerySchema.safeParse(plainSearchParams(params));
  if (!parsed.success) throw new AppError('BAD_REQUEST', messages.badRequest, { fields: toFieldErrors(parsed.error, messages.unknownParam) });
  return toSearchSpec(parsed.data);
}

/** A checked search query as the spec the queries layer receives. */
export function toSearchSpec(v: z.output<typeof searchQuerySchema>): SearchSpec {
  const q = v.q === '' ? undefined : v.q;
  return {
    match: q === undefined ? undefined : ftsMatch(q),
    prefixMatch: q === undefined ? undefined : ftsMatch(q, { lastAsPrefix: true }),
    q,
    categories: v.category ?? [],
    regency: v.regency ?? (v.district ? findDistrict(v.district)?.regencyCode : undefined),
    district: v.district,
    platform: v.platform,
    kbli: v.kbli,
    verified: v.verified ?? false,
    halal: v.halal ?? false,
    halalVerified: v.halal_verified ?? false,
    pirt: v.pirt ?? false,
    juara: v.juara ?? false,
    page: v.page ?? 1,
    perPage: v.per_page ?? DEFAULT_PER_PAGE,
    after: v.after ? parseBrowseKey(v.after) : undefined,
  };
}

/** Each category's name words in their index forms (see Category.names), and all of them: searched in the category column only. */
const nameFormsOf = new Map(categories.map((c) => [c.slug, new Set(c.names.flatMap(searchWords).map(wordForm))]));
const categoryNameForms = new Set([...nameFormsOf.values()].flatMap((forms) => [...forms]));

/**
 * The categories a search's words name when every word is one that names a category
 * ("makanan": Kuliner and Oleh-oleh; "makanan minuman": Kuliner, the one both name), or
 * none. The search page reads such words as a category filter, shown as chips.
 */
export function categoriesNamed(q: string): string[] {
  const forms = [...new Set(searchWords(q).map(wordForm))];
  if (forms.length === 0 || !forms.every((f) => categoryNameForms.has(f))) return [];
  return categories.filter((c) => forms.every((f) => nameFormsOf.get(c.slug)?.has(f))).map((c) => c.slug);
}

/**
 * Keywords as a safe FTS5 expression: words only (letters and digits of any script), each
 * in its index form (word-forms.ts: "kripik" and "keripik" are one word) and quoted, all
 * required, a word that names a category ("makanan", "pakaian") as that category; with `lastAsPrefix`, the last word may also be the start of a written word
 * ("kerip" finds keripik). The search runs the whole words first and the prefix form
 * only when they find less than a page (see db/queries/matches.ts): a prefix makes FTS5
 * merge every indexed word that starts with it, which for "kopi garut" at a million
 * listings cost 15 ms against 5 ms for the whole words. FTS syntax characters never reach
 * SQLite. Undefined when nothing searchable is left (the search is then a browse).
 */
export function ftsMatch(q: string, options: { lastAsPrefix?: boolean } = {}): string | undefined {
  const written = [...new Set(searchWords(q))];
  if (written.length === 0) return undefined;
  const forms: string[] = [];
  for (const word of written) {
    const form = wordForm(word);
    if (!forms.includes(form)) forms.push(form);
    if (forms.length === MAX_TERMS) break;
  }
  const typed = written.at(-1) ?? '';
  const lastForm = wordForm(typed);
  // A one-letter prefix would match nearly everything; such a word must match whole.
  return forms
    .map((f) => {
      if (categoryNameForms.has(f)) return `category : "${f}"`;
      if (!options.lastAsPrefix || f !== lastForm || typed.length < 2) return `"${f}"`;
      return f === typed ? `"${f}"*` : `("${f}" OR "${typed}"*)`;
    })
    .join(' AND ');
}

/**
 * The spec's filters as index tags (see search-tags.ts), composite where a pair has one;
 * several categories as one group of alternatives.
 */
export function specTags(spec: SearchSpec): string[] {
  if (spec.categories.length > 1) {
    const each = spec.categories.map((c) => `(${tagsFor(spec, c).join(' AND ')})`);
    return [`(${each.join(' OR ')})`];
  }
  return tagsFor(spec, spec.categories[0]);
}

function tagsFor(spec: SearchSpec, category: string | undefined): string[] {
  return filterTokens({
    ...(spec.regency ? { regency: tag.regency(spec.regency) } : {}),
    ...(spec.district ? { district: tag.district(spec.district) } : {}),
    ...(category ? { category: tag.category(category) } : {}),
    ...(spec.kbli ? { kbli: `kbli${spec.kbli}` } : {}),
    attributes: [
      spec.platform ? tag.platform(spec.platform) : '',
      spec.verified ? tag.verified : '',
      spec.halal ? tag.halal : '',
      spec.halalVerified ? tag.halalVerified : '',
      spec.pirt ? tag.pirt : '',
      spec.juara ? tag.juara : '',
    ].filter(Boolean),
  });
}

/**
 * The whole FTS5 query of a keyword search: the keywords against the text columns, the
 * filters against the tags column. Undefined without keywords.
 */
export function ftsQuery(spec: SearchSpec): string | undefined {
  if (!spec.match) return undefined;
  const tags = specTags(spec);
  // Keywords are kept to the text columns when they could reach a filter token: a prefix
  // ("kat" starts katkuliner) or a word shaped like one ("nibok", "katering"). Other whole
  // words need no column filter, and FTS5 then skips decoding which column each hit is
  // in: "kopi garut" at a million listings 9.2 -> 5.8 ms.
  const words = [...spec.match.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
  const kept = spec.match.includes('*') || words.some(mayBeFilterToken);
  const text = kept ? `{name description products place category} : (${spec.match})` : `(${spec.match})`;
  return tags.length > 0 ? `${text} AND tags : (${tags.join(' AND ')})` : text;
}
