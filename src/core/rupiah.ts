const formatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** 15000 -> "Rp15.000" (Indonesian grouping, no decimals, no space as in everyday writing). */
export function formatRupiah(amount: number): string {
  return `Rp${formatter.format(Math.round(amount))}`;
}

/** A price or a price range: "Rp15.000" or "Rp15.000 – Rp25.000". */
export function formatPriceRange(min: number, max: number | null | undefined): string {
  if (max === null || max === undefined || max === min) return formatRupiah(min);
  return `${formatRupiah(min)} – ${formatRupiah(max)}`;
}

/**
 * Reads a price as people type it: "15000", "15.000", "Rp 15.000", "15rb", "1,5 jt".
 * Returns null when it is not a price.
 */
export function parseRupiah(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/^rp\.?\s*/, '').replace(/\s+/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(rb|ribu|k|jt|juta)?$/.exec(text);
  if (!m) return null;
  const whole = Number((m[1] ?? '').replace(/\./g, ''));
  const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
  const unit = m[3];
  const factor = unit === 'jt' || unit === 'juta' ? 1_000_000 : unit ? 1_000 : 1;
  if (fraction !== 0 && factor === 1) return null;
  const value = Math.round((whole + fraction) * factor);
  return Number.isSafeInteger(value) ? value : null;
}
