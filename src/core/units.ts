/**
 * The quantity a price is for, read from what owners write ("250 g", "1 kg", "500 ml",
 * "2 liter", "isi 10", "10 pcs", "per kg"), so prices of different packs compare per
 * kilogram, per liter or per piece. Anything else ("porsi", "sesisir", "set") is left as
 * written and compared only as it is.
 */
export type BaseUnit = 'kg' | 'liter' | 'pcs';

export interface Quantity {
  /** How many base units the price is for: 0.25 (kg) for "250 g". */
  amount: number;
  base: BaseUnit;
}

const SCALE: Record<string, { base: BaseUnit; factor: number }> = {
  g: { base: 'kg', factor: 0.001 },
  gr: { base: 'kg', factor: 0.001 },
  gram: { base: 'kg', factor: 0.001 },
  kg: { base: 'kg', factor: 1 },
  ons: { base: 'kg', factor: 0.1 },
  ml: { base: 'liter', factor: 0.001 },
  l: { base: 'liter', factor: 1 },
  liter: { base: 'liter', factor: 1 },
  lt: { base: 'liter', factor: 1 },
  pcs: { base: 'pcs', factor: 1 },
  pc: { base: 'pcs', factor: 1 },
  buah: { base: 'pcs', factor: 1 },
  biji: { base: 'pcs', factor: 1 },
  butir: { base: 'pcs', factor: 1 },
  sachet: { base: 'pcs', factor: 1 },
  bungkus: { base: 'pcs', factor: 1 },
};

/** The quantity in a unit text, or undefined when it names none we can compare. */
export function parseQuantity(text: string): Quantity | undefined {
  const t = text.toLowerCase().replace(',', '.').trim();
  const isi = /^isi\s+(\d+(?:\.\d+)?)\b/.exec(t);
  if (isi) return { amount: Number(isi[1]), base: 'pcs' };
  const per = /^per\s+([a-z]+)$/.exec(t);
  if (per) {
    const scale = SCALE[per[1] ?? ''];
    return scale ? { amount: scale.factor, base: scale.base } : undefined;
  }
  const size = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(t);
  if (!size) return undefined;
  const scale = SCALE[size[2] ?? ''];
  const amount = Number(size[1]) * (scale?.factor ?? 0);
  return scale && amount > 0 ? { amount, base: scale.base } : undefined;
}

/** The pack size at the end of a product name ("Keripik singkong balado 250 g" → "250 g"), for names that carry it. */
export function unitInName(name: string): string | undefined {
  return /(?:\b(\d+(?:[.,]\d+)?\s?(?:g|gr|kg|ml|l|liter|pcs))|\b(isi \d+(?: [a-z]+)?)|\b(per (?:kg|liter|pcs)))$/i.exec(name)?.[0];
}

/** A price per base unit, in whole rupiah. */
export const perUnit = (price: number, q: Quantity): number => Math.round(price / q.amount);

/** "per kg", "per liter", "per pcs". */
export const baseLabel = (base: BaseUnit): string => `per ${base}`;
