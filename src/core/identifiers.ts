/**
 * Public business identifiers. NIB (Nomor Induk Berusaha) is the 13-digit business
 * number issued by OSS; P-IRT (Pangan Industri Rumah Tangga) is the 15-digit home-industry
 * food permit, written 1234567890123-45; a halal certificate from BPJPH starts with "ID".
 * Personal numbers (NIK, a person's NPWP) are never collected.
 */
export type IdResult = { ok: true; value: string } | { ok: false };

const strip = (input: string) => input.trim().replace(/[\s.\-/]/g, '');

export function normaliseNib(input: string): IdResult {
  const digits = strip(input);
  return /^\d{13}$/.test(digits) ? { ok: true, value: digits } : { ok: false };
}

export function normalisePirt(input: string): IdResult {
  const digits = strip(input);
  return /^\d{15}$/.test(digits) ? { ok: true, value: `${digits.slice(0, 13)}-${digits.slice(13)}` } : { ok: false };
}

export function normaliseHalal(input: string): IdResult {
  const value = strip(input).toUpperCase();
  return /^ID\d{8,30}$/.test(value) ? { ok: true, value } : { ok: false };
}

/** A 5-digit KBLI 2020 code (Klasifikasi Baku Lapangan Usaha Indonesia). */
export function normaliseKbli(input: string): IdResult {
  const digits = strip(input);
  return /^\d{5}$/.test(digits) ? { ok: true, value: digits } : { ok: false };
}
