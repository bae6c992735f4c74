import { onWibClock } from '../core/dates.ts';
import { findRegency, regencies, type Regency } from '../core/reference.ts';
import type { PlaceMonth } from '../../db/queries/stats.ts';

/** A place's figures on /statistik: a kabupaten/kota, a kecamatan or the province. */
export interface PlaceFigures {
  code: string;
  name: string;
  published: number;
  marketplace: number;
  verified: number;
  juara: number;
  /** Published this month and the month before (Asia/Jakarta). */
  newThisMonth: number;
  newLastMonth: number;
}

/** One month of the growth chart: listings first published that month, and all published by its end. */
export interface MonthFigures {
  month: string;
  added: number;
  total: number;
  marketplace: number;
}

/** "2026-12" of a moment, on the WIB clock. */
export const wibMonth = (at: Date): string => onWibClock(at).toISOString().slice(0, 7);

/** The month `back` months before `month` ("2026-01", 1 -> "2025-12"). */
export function monthBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 7);
}

function sumPlaces(rows: PlaceMonth[], places: { code: string; name: string }[], now: Date): PlaceFigures[] {
  const thisMonth = wibMonth(now);
  const lastMonth = monthBefore(thisMonth, 1);
  const byCode = new Map(places.map((p) => [p.code, { ...p, published: 0, marketplace: 0, verified: 0, juara: 0, newThisMonth: 0, newLastMonth: 0 }]));
  for (const r of rows) {
    const f = byCode.get(r.place);
    if (!f) continue;
    f.published += r.published;
    f.marketplace += r.marketplace;
    f.verified += r.verified;
    f.juara += r.juara;
    if (r.month === thisMonth) f.newThisMonth += r.published;
    if (r.month === lastMonth) f.newLastMonth += r.published;
  }
  return [...byCode.values()];
}

/** Every kabupaten/kota in reference order, with zeros where nothing is published yet. */
export const regencyFigures = (rows: PlaceMonth[], now: Date): PlaceFigures[] => sumPlaces(rows, regencies.map((r) => ({ code: r.code, name: r.name })), now);

/** Every kecamatan of a kabupaten/kota in reference order (rows from placeMonths(db, regency.code)). */
export const districtFigures = (rows: PlaceMonth[], regency: Regency, now: Date): PlaceFigures[] => sumPlaces(rows, regency.districts.map((d) => ({ code: d.code, name: d.name })), now);

/** The sum of some places' figures under one name. */
export function totalFigures(places: PlaceFigures[], code: string, name: string): PlaceFigures {
  const t: PlaceFigures = { code, name, published: 0, marketplace: 0, verified: 0, juara: 0, newThisMonth: 0, newLastMonth: 0 };
  for (const p of places) {
    t.published += p.published;
    t.marketplace += p.marketplace;
    t.verified += p.verified;
    t.juara += p.juara;
    t.newThisMonth += p.newThisMonth;
    t.newLastMonth += p.newLastMonth;
  }
  return t;
}

/**
 * The last `months` months up to `now`, oldest first: listings first published in each
 * month, and how many were published by its end (counting those from before the window).
 * Listings since removed count nowhere: the figures are of the directory as it stands.
 */
export function monthFigures(rows: PlaceMonth[], now: Date, months = 24): MonthFigures[] {
  const last = wibMonth(now);
  const first = monthBefore(last, months - 1);
  const added = new Map<string, { published: number; marketplace: number }>();
  let before = 0;
  let beforeMarketplace = 0;
  for (const r of rows) {
    if (r.month > last) continue;
    if (r.month < first) {
      before += r.published;
      beforeMarketplace += r.marketplace;
      continue;
    }
    const m = added.get(r.month) ?? { published: 0, marketplace: 0 };
    m.published += r.published;
    m.marketplace += r.marketplace;
    added.set(r.month, m);
  }
  let total = before;
  let marketplace = beforeMarketplace;
  return Array.from({ length: months }, (_, i) => {
    const month = monthBefore(last, months - 1 - i);
    const m = added.get(month) ?? { published: 0, marketplace: 0 };
    total += m.published;
    marketplace += m.marketplace;
    return { month, added: m.published, total, marketplace };
  });
}

/** The share of a place's listings on a marketplace, 0 when it has none. */
export const marketplaceShare = (f: Pick<PlaceFigures, 'published' | 'marketplace'>): number => (f.published === 0 ? 0 : f.marketplace / f.published);

/** The kabupaten/kota of a /statistik/32-73/ path segment, or undefined. */
export function regencyOfSegment(segment: string | undefined): Regency | undefined {
  return /^\d{2}-\d{2}$/.test(segment ?? '') ? findRegency((segment ?? '').replace('-', '.')) : undefined;
}

const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('id-ID', { month: 'short', timeZone: 'UTC' });

/** "Desember 2026" of "2026-12". */
export const monthLabel = (month: string): string => monthName.format(new Date(`${month}-01T00:00:00Z`));
/** "Des" of "2026-12". */
export const monthShortLabel = (month: string): string => monthShort.format(new Date(`${month}-01T00:00:00Z`)).replace('.', '');

/** The CSV columns of a places table (/statistik/data/*.csv). */
export const placeCsvHeader = ['kode', 'nama', 'tayang', 'di_marketplace', 'persen_di_marketplace', 'nib_terverifikasi', 'umkm_juara', 'baru_bulan_ini', 'baru_bulan_lalu'];
export const placeCsvRow = (f: PlaceFigures) => [f.code, f.name, f.published, f.marketplace, Math.round(marketplaceShare(f) * 1000) / 10, f.verified, f.juara, f.newThisMonth, f.newLastMonth];
export const monthCsvHeader = ['bulan', 'baru_tayang', 'total_tayang', 'total_di_marketplace'];
export const monthCsvRow = (m: MonthFigures) => [m.month, m.added, m.total, m.marketplace];
