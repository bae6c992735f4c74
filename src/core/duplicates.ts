/**
 * Duplicate registrations: the same NIB (one business, one NIB), or the same WhatsApp number
 * with a similar name (one owner registering twice). A flag for the reviewer, never a refusal:
 * one owner may really run two businesses from one phone.
 */
export interface DuplicateSubject {
  id: number;
  name: string;
  nib: string | null;
  whatsapp: string;
}

export type DuplicateReason = 'nib' | 'whatsapp-name';

/** Names compared without case, punctuation or the business-form words every second shop carries. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['toko', 'ud', 'cv', 'pt', 'usaha', 'umkm', 'warung', 'kedai'].includes(w))
    .join(' ');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const s = ` ${text} `;
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams of the name keys: 1 for the same name, 0 for nothing shared. */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 1;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = [...ga.values(), ...gb.values()].reduce((x, y) => x + y, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

export const SIMILAR_NAME = 0.6;

/** Why `other` looks like a duplicate of `subject`, or null. */
export function duplicateReason(subject: DuplicateSubject, other: DuplicateSubject): DuplicateReason | null {
  if (subject.id === other.id) return null;
  if (subject.nib && subject.nib === other.nib) return 'nib';
  if (subject.whatsapp && subject.whatsapp === other.whatsapp && nameSimilarity(subject.name, other.name) >= SIMILAR_NAME) return 'whatsapp-name';
  return null;
}
