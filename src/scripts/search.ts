/**
 * The search page on Pagefind: keywords plus category and kabupaten/kota filters, kept in
 * the URL so a search can be shared. Pagefind loads only the index fragments it needs.
 */
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
}

const PAGE = 20;
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLUListElement>('[data-search-results]');

let pagefind: Promise<Pagefind> | undefined;
const load = () => {
  const path = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ path).then(async (pf: Pagefind) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return pagefind;
};

function card(data: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'card';
  const h3 = document.createElement('h3');
  const a = document.createElement('a');
  a.href = data.url;
  a.textContent = data.meta['title'] ?? data.url;
  h3.append(a);
  const where = document.createElement('p');
  where.className = 'muted';
  where.textContent = [data.filters['kategori']?.[0], data.meta['wilayah']].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is escaped text with <mark> around the matches.
  excerpt.innerHTML = data.excerpt;
  li.append(h3, where, excerpt);
  return li;
}

let generation = 0;
async function run(updateUrl: boolean) {
  if (!form || !statusLine || !list) return;
  const fd = new FormData(form);
  const q = String(fd.get('q') ?? '').trim();
  const kategori = String(fd.get('kategori') ?? '');
  const wilayah = String(fd.get('wilayah') ?? '');
  if (updateUrl) {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (kategori) params.set('kategori', kategori);
    if (wilayah) params.set('wilayah', wilayah);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  if (!q && !kategori && !wilayah) {
    statusLine.textContent = 'Ketik kata kunci untuk mencari.';
    list.replaceChildren();
    return;
  }
  const mine = ++generation;
  statusLine.textContent = 'Mencari…';
  const filters: Record<string, string> = {};
  if (kategori) filters['kategori'] = kategori;
  if (wilayah) filters['wilayah'] = wilayah;
  try {
    const pf = await load();
    const found = await pf.search(q || null, { filters });
    if (!found || mine !== generation) return;
    const data = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
    if (mine !== generation) return;
    list.replaceChildren(...data.map(card));
    const n = found.results.length;
    statusLine.textContent =
      n === 0 ? 'Tidak ada hasil. Coba kata lain atau hapus filter.' : `${n} hasil${n > PAGE ? `, menampilkan ${PAGE} teratas` : ''}.`;
  } catch {
    statusLine.textContent = 'Pencarian gagal dimuat. Periksa koneksi lalu coba lagi.';
  }
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'kategori', 'wilayah']) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value) field.value = value;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(true), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  void run(false);
}
