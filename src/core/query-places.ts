import { regencies, type Regency } from './reference.ts';
import { searchWords as words } from './text.ts';
import { isSpellingVariant } from './word-forms.ts';

/** A kabupaten/kota named in a search's words, and the words left for the search itself. */
export interface PlaceInQuery {
  /** The words without the place (and without a "kota"/"kabupaten" before it). */
  rest: string;
  /** The one kabupaten/kota the words name, or several when the name is both a kota and a kabupaten ("bandung"). */
  regencies: Regency[];
  /** The place as it was typed. */
  typed: string;
}

/** Each kabupaten/kota by the words of its name without "Kabupaten"/"Kota": "bandung barat", "garut". */
const byName = regencies.map((r) => ({ regency: r, kind: r.name.startsWith('Kota ') ? 'kota' : 'kabupaten', words: words(r.name.replace(/^(Kabupaten|Kota) /, '')) }));

/**
 * Finds a kabupaten/kota named in a search's words ("kopi garut", "keripik kota bandung",
 * "batik cirebon"): the longest name wins ("bandung barat" over "bandung"), and "kota",
 * "kabupaten" or "kab" just before it chooses between a kota and a kabupaten of the same
 * name. Undefined when the words name none.
 */
export function placeInQuery(q: string): PlaceInQuery | undefined {
  const typed = words(q);
  for (let i = 0; i < typed.length; i++) {
    const candidates = byName
      .filter((n) => n.words.every((w, k) => typed[i + k] === w))
      .sort((a, b) => b.words.length - a.words.length);
    const longest = candidates[0]?.words.length;
    if (!longest) continue;
    let matched = candidates.filter((c) => c.words.length === longest);
    const before = typed[i - 1];
    const kind = before === 'kota' ? 'kota' : before === 'kabupaten' || before === 'kab' ? 'kabupaten' : undefined;
    const start = kind && matched.some((m) => m.kind === kind) ? i - 1 : i;
    if (kind) matched = matched.filter((m) => m.kind === kind).length > 0 ? matched.filter((m) => m.kind === kind) : matched;
    const rest = [...typed.slice(0, start), ...typed.slice(i + longest)].join(' ');
    return { rest, regencies: matched.map((m) => m.regency), typed: typed.slice(start, i + longest).join(' ') };
  }
  return undefined;
}

/** A kecamatan named in a search's words, and the words left for the search itself. */
export interface DistrictInQuery {
  rest: string;
  /** The kecamatan of that name (several kabupaten/kota can have one: "sukaraja"). */
  districts: { code: string; name: string; regencyCode: string; regencyName: string }[];
  typed: string;
}

/** Each kecamatan by the words of its name (and of its other spelling). */
const districtNames = regencies.flatMap((r) =>
  r.districts.flatMap((d) =>
    [d.name, ...(d.alsoKnownAs ? [d.alsoKnownAs] : [])].map((name) => ({ district: { code: d.code, name: d.name, regencyCode: r.code, regencyName: r.name }, words: words(name) })),
  ),
);

/**
 * Finds a kecamatan named in a search's words ("surabi cibiru", "batik kec sukaraja"): the
 * longest name wins; "kecamatan" or "kec" just before it goes with it. A name that is also
 * a way to write an everyday word ("pedes", as in "kripik pedes") is a place only after
 * "kecamatan" or "kec". Undefined when the words name none.
 */
export function districtInQuery(q: string): DistrictInQuery | undefined {
  const typed = words(q);
  for (let i = 0; i < typed.length; i++) {
    const marked = typed[i - 1] === 'kecamatan' || typed[i - 1] === 'kec';
    const candidates = districtNames.filter((n) => n.words.length > 0 && n.words.every((w, k) => typed[i + k] === w) && (marked || !n.words.every(isSpellingVariant)));
    const longest = Math.max(0, ...candidates.map((c) => c.words.length));
    if (longest === 0) continue;
    const matched = candidates.filter((c) => c.words.length === longest);
    const start = marked ? i - 1 : i;
    const districts = [...new Map(matched.map((m) => [m.district.code, m.district])).values()];
    return { rest: [...typed.slice(0, start), ...typed.slice(i + longest)].join(' '), districts, typed: typed.slice(start, i + longest).join(' ') };
  }
  return undefined;
}
