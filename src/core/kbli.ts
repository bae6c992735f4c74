import kbliJson from '../../content/kbli.json' with { type: 'json' };

/**
 * KBLI (Klasifikasi Baku Lapangan Usaha Indonesia) is Indonesia's standard business
 * classification: a letter category (A-U in 2020, A-V in 2025), 2-digit divisions, down
 * to 5-digit codes. Where a code appears (supplier sheets, compare pages, exports) it is
 * shown with its title, or with its category when content/kbli.json has no title for it.
 */
interface Section {
  code: string;
  name: string;
  divisions: string[];
}

const titles = new Map(kbliJson.titles2020.map((t) => [t.code, t.title]));
const sections: Record<string, readonly Section[]> = { '2020': kbliJson.sections2020, '2025': kbliJson.sections2025 };

/** The KBLI category a code belongs to by its first two digits (division). */
export function kbliSection(code: string, edition = '2020'): Section | undefined {
  const division = Number(code.slice(0, 2));
  return (sections[edition] ?? sections['2020'])?.find((s) => division >= Number(s.divisions[0]) && division <= Number(s.divisions[1] ?? s.divisions[0]));
}

/** "10794 Industri Kerupuk, Keripik, Peyek dan Sejenisnya", or "96111 (kategori S: Aktivitas Jasa Lainnya)". */
export function kbliLabel(code: string, edition = '2020'): string {
  const title = edition === '2020' ? titles.get(code) : undefined;
  if (title) return `${code} ${title}`;
  const section = kbliSection(code, edition);
  return section ? `${code} (kategori ${section.code}: ${section.name})` : code;
}
