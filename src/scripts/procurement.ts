/**
 * Script of the server-rendered pages. The buyer's shortlist, kept in this browser only (no account): add or remove suppliers
 * from results, then compare them or download them. Pages without shortlist controls are
 * left alone.
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

function render() {
  const list = read();
  const slugs = new Set(list.map((e) => e.slug));
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-shortlist-toggle]')) {
    const on = slugs.has(button.dataset['slug'] ?? '');
    button.hidden = false;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? '✓ Di daftar pendek' : '+ Daftar pendek';
  }
  const panel = document.querySelector<HTMLElement>('[data-shortlist-panel]');
  if (!panel) return;
  panel.hidden = false;
  const query = `slugs=${encodeURIComponent(list.map((e) => e.slug).join(','))}`;
  const count = panel.querySelector('[data-shortlist-count]');
  if (count) count.textContent = list.length === 0 ? 'Daftar pendek masih kosong.' : `Daftar pendek: ${list.length} pemasok (${list.map((e) => e.name).join(', ')}).`;
  for (const link of panel.querySelectorAll<HTMLAnchorElement>('[data-shortlist-link]')) {
    link.href = `${link.dataset['base']}${link.dataset['base']?.includes('?') ? '&' : '?'}${query}`;
    link.toggleAttribute('aria-disabled', list.length === 0);
    link.hidden = list.length === 0;
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const toggle = target.closest<HTMLButtonElement>('[data-shortlist-toggle]');
  if (toggle) {
    const slug = toggle.dataset['slug'] ?? '';
    const list = read();
    write(list.some((e) => e.slug === slug) ? list.filter((e) => e.slug !== slug) : [...list, { slug, name: toggle.dataset['name'] ?? slug }]);
    render();
  }
  if (target.closest('[data-print]')) window.print();
  if (target.closest('[data-shortlist-clear]')) {
    write([]);
    render();
  }
});
render();
