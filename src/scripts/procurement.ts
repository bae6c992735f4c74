/**
 * Script of the procurement pages. The buyer's shortlist works without it: each "+ Daftar
 * pendek" is a link that carries the chosen suppliers in the address (?pilih=). With it,
 * the shortlist is also kept in this browser (no account), so it survives new searches:
 * the links toggle in place, suppliers picked through the address are added, and the bar
 * shows only while it holds something. Pages without shortlist controls are left alone.
 */
const KEY = 'etalase-jabar:daftar-pendek';
const MAX = 50;

interface Entry {
  slug: string;
  name: string;
}

const read = (): Entry[] => {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as Entry[]).filter((e) => typeof e?.slug === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
};
const write = (list: Entry[]) => localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));

/** Suppliers chosen through the address (without JavaScript, or a shared link) join the kept shortlist. */
function adoptFromAddress() {
  const chosen = (new URLSearchParams(location.search).get('pilih') ?? '').split(',').filter(Boolean);
  if (chosen.length === 0) return;
  const list = read();
  for (const slug of chosen) {
    const card = document.querySelector<HTMLElement>(`[data-shortlist-toggle][data-slug="${CSS.escape(slug)}"]`);
    if (!list.some((e) => e.slug === slug)) list.push({ slug, name: card?.dataset['name'] ?? slug });
  }
  write(list);
}

function render() {
  const list = read();
  const slugs = new Set(list.map((e) => e.slug));
  for (const toggle of document.querySelectorAll<HTMLAnchorElement>('[data-shortlist-toggle]')) {
    toggle.textContent = slugs.has(toggle.dataset['slug'] ?? '') ? '✓ Di daftar pendek (hapus)' : '+ Daftar pendek';
  }
  const panel = document.querySelector<HTMLElement>('[data-shortlist-panel]');
  if (!panel) return;
  panel.hidden = list.length === 0;
  const query = `slugs=${encodeURIComponent(list.map((e) => e.slug).join(','))}`;
  const count = panel.querySelector('[data-shortlist-count]');
  if (count) count.textContent = list.length === 0 ? '' : `Daftar pendek: ${list.length} pemasok (${list.map((e) => e.name).join(', ')}).`;
  for (const link of panel.querySelectorAll<HTMLAnchorElement>('[data-shortlist-link]')) {
    link.href = `${link.dataset['base']}${link.dataset['base']?.includes('?') ? '&' : '?'}${query}`;
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const toggle = target.closest<HTMLElement>('[data-shortlist-toggle]');
  if (toggle) {
    event.preventDefault();
    const slug = toggle.dataset['slug'] ?? '';
    const list = read();
    write(list.some((e) => e.slug === slug) ? list.filter((e) => e.slug !== slug) : [...list, { slug, name: toggle.dataset['name'] ?? slug }]);
    render();
  }
  if (target.closest('[data-print]')) window.print();
  if (target.closest('[data-shortlist-clear]')) {
    event.preventDefault();
    write([]);
    render();
  }
});
adoptFromAddress();
render();
