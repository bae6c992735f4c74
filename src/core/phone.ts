/**
 * Indonesian mobile numbers, as people type them (0812-3456-7890, 62812..., +62 812 ...),
 * turned into E.164 (+6281234567890). The national significant number of a mobile line
 * matches 8[1-35-9] followed by 7 to 10 digits (libphonenumber's metadata for ID).
 */
export type PhoneResult =
  | { ok: true; e164: string; digits: string }
  | { ok: false; reason: 'empty' | 'characters' | 'not_mobile' | 'length' };

const MOBILE_NSN = /^8[1-35-9]\d{7,10}$/;

export function normalisePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) return { ok: false, reason: 'characters' };
  const hasPlus = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (hasPlus && !digits.startsWith('62')) return { ok: false, reason: 'not_mobile' };
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (!digits.startsWith('8')) return { ok: false, reason: 'not_mobile' };
  if (!MOBILE_NSN.test(digits)) {
    return /^8[1-35-9]/.test(digits) ? { ok: false, reason: 'length' } : { ok: false, reason: 'not_mobile' };
  }
  return { ok: true, e164: `+62${digits}`, digits: `62${digits}` };
}

/** Click-to-chat link: digits only, no plus and no leading zero; text is percent-encoded. */
export function whatsappLink(e164: string, text?: string): string {
  const base = `https://wa.me/${e164.replace(/\D/g, '')}`;
  return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}

/** A WhatsApp chat that lets the sender pick whom to send `text` to (sharing a page). */
export const whatsappShareLink = (text: string): string => `https://wa.me/?text=${encodeURIComponent(text)}`;

/** +6281234567890 -> 0812-3456-7890, the way people in Indonesia read a number. */
export function formatPhoneLocal(e164: string): string {
  const local = `0${e164.replace(/^\+62/, '')}`;
  return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
