import { searchWords } from './text.ts';
import { wordForm } from './word-forms.ts';
import { baseLabel, parseQuantity, perUnit, type BaseUnit } from './units.ts';
import { priceAge } from './price-age.ts';
import type { SupplierJson } from './supplier-schema.ts';

/**
 * A price survey for an HPS (harga perkiraan sendiri, the owner's estimate a procurement
 * officer must justify): every product of the matching suppliers whose name has the
 * survey's words, with its price per kilogram, liter or piece where its unit allows,
 * and the spread of those prices. The rule of thumb officers work to: at least three
 * sources whose NIB staff verified and whose price the owner confirmed recently.
 */
export const MIN_SOURCES = 3;

export interface SurveyLine {
  /** Stable within a supplier: its slug and the product's place in its list ("keripik-bu-ani.0"). */
  id: string;
  supplier: SupplierJson;
  product: SupplierJson['products'][number];
  /** Price per base unit (from the lowest price), when the unit says how much. */
  unitPrice: { price: number; base: BaseUnit } | undefined;
  /** NIB verified by staff. */
  verified: boolean;
  /** The owner confirmed the price within PRICE_STALE_DAYS. */
  dated: boolean;
}

export interface SurveyGroup {
  base: BaseUnit;
  label: string;
  lines: SurveyLine[];
  min: number;
  median: number;
  max: number;
  /** Lines both verified and dated: the sources that count toward MIN_SOURCES. */
  sound: number;
}

/** Whether a product's name holds every word of the survey (in their index forms: "kripik" finds "Keripik"). */
export function productMatches(name: string, words: string[]): boolean {
  const forms = new Set(searchWords(name).map(wordForm));
  return words.length > 0 && words.every((w) => forms.has(wordForm(w)));
}

/** The survey's lines from the suppliers a search found, products matching the words only. */
export function surveyLines(suppliers: SupplierJson[], q: string, now: Date): SurveyLine[] {
  const words = searchWords(q);
  return suppliers.flatMap((supplier) =>
    supplier.products.flatMap((product, i) => {
      if (!productMatches(product.name, words)) return [];
      const quantity = product.unit ? parseQuantity(product.unit) : undefined;
      return [
        {
          id: `${supplier.slug}.${i}`,
          supplier,
          product,
          unitPrice: quantity ? { price: perUnit(product.priceMin, quantity), base: quantity.base } : undefined,
          verified: supplier.nibVerifiedAt !== null,
          dated: priceAge(product.priceConfirmedAt, now)?.stale === false,
        },
      ];
    }),
  );
}

const median = (sorted: number[]) => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
};

/** Lines grouped by the unit their price compares in (per kg, per liter, per pcs), each with min / median / max. */
export function surveyGroups(lines: SurveyLine[]): SurveyGroup[] {
  const byBase = new Map<BaseUnit, SurveyLine[]>();
  for (const line of lines) if (line.unitPrice) byBase.set(line.unitPrice.base, [...(byBase.get(line.unitPrice.base) ?? []), line]);
  return [...byBase].map(([base, group]) => {
    const prices = group.map((l) => l.unitPrice?.price ?? 0).sort((a, b) => a - b);
    return {
      base,
      label: baseLabel(base),
      lines: [...group].sort((a, b) => (a.unitPrice?.price ?? 0) - (b.unitPrice?.price ?? 0)),
      min: prices[0] ?? 0,
      median: median(prices),
      max: prices.at(-1) ?? 0,
      sound: group.filter((l) => l.verified && l.dated).length,
    };
  });
}

/**
 * Products of several suppliers lined up by type for the compare page: a row per kind of
 * product (its first word in index form: "Keripik singkong" and "Kripik pedas" are one
 * row), each supplier's products of that kind in its cell, in the order kinds first appear.
 */
export function productRows<P extends { name: string }>(suppliers: { products: P[] }[]): { label: string; cells: P[][] }[] {
  const rows = new Map<string, { label: string; cells: P[][] }>();
  suppliers.forEach((s, column) => {
    for (const product of s.products) {
      const first = searchWords(product.name)[0] ?? '';
      const key = wordForm(first);
      let row = rows.get(key);
      if (!row) {
        row = { label: first.charAt(0).toUpperCase() + first.slice(1), cells: suppliers.map(() => []) };
        rows.set(key, row);
      }
      row.cells[column]?.push(product);
    }
  });
  return [...rows.values()];
}
