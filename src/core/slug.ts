const MAX_SLUG = 60;

/** An ASCII URL slug from a business name: "Keripik Tempe Bu Énok" -> "keripik-tempe-bu-enok". */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, MAX_SLUG).replace(/-+$/, '');
  return cut === '' ? 'umkm' : cut;
}

/** The n-th candidate when the plain slug is taken: base, base-2, base-3, ... */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The start every candidate of `base` shares, up to "-999999": slugs are [a-z0-9-], so all of them sort between it and it + "~". */
export function slugStem(base: string): string {
  return slugCandidate(base, 999_999).replace(/-999999$/, '');
}
