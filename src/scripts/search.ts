/**
 * The search page with JavaScript: results follow the words as they are typed. The server
 * draws them (/cari/hasil/, the same search and cards as the page itself); this script only
 * asks for them, swaps them in, and keeps the address shareable. Without JavaScript the
 * form submits and the page answers the same.
 */
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const suggestions = document.querySelector<HTMLElement>('[data-suggestions]');

interface PagefindResult {
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  search: (q: string) => Promise<{ results: PagefindResult[] } | null>;
}
let pagefind: Promise<Pagefind> | undefined;

/**
 * Categories, kabupaten/kota, kecamatan and pages whose names match the words: from the
 * Pagefind index built with the site (a few hundred records), loaded on the first keystroke.
 */
async function suggest(q: string, mine: number) {
  if (!suggestions) return;
  const list = suggestions.querySelector('ul');
  if (q.length < 2 || !list) {
    suggestions.hidden = true;
    return;
  }
  try {
    const path = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
    const found = await (await pagefind).search(q);
    const data = await Promise.all((found?.results ?? []).slice(0, 5).map((r) => r.data()));
    if (mine !== generation) return;
    list.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta['title'] ?? d.url;
        const kind = document.createElement('span');
        kind.className = 'muted';
        kind.textContent = ` · ${d.meta['jenis'] ?? ''}`;
        li.append(a, kind);
        return li;
      }),
    );
    suggestions.hidden = data.length === 0;
  } catch {
    // Suggestions are a help, never in the way: without them the results still come.
    suggestions.hidden = true;
  }
}

function query(): URLSearchParams {
  const params = new URLSearchParams();
  if (!form) return params;
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  return params;
}

let generation = 0;
let controller: AbortController | undefined;

async function update() {
  const params = query();
  const mine = ++generation;
  controller?.abort();
  controller = new AbortController();
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  results?.setAttribute('aria-busy', 'true');
  void suggest(params.get('q') ?? '', mine);
  try {
    const response = await fetch(`/cari/hasil/${params.size ? `?${params}` : ''}`, { signal: controller.signal, headers: { accept: 'text/html' } });
    const html = await response.text();
    if (mine !== generation) return;
    const parsed = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-search-results]');
    if (parsed && results) {
      const fresh = document.importNode(parsed, true);
      // The live region stays the same element, so screen readers announce its new text.
      const status = results.querySelector('[role="status"]');
      const freshStatus = fresh.querySelector('[role="status"]');
      if (status && freshStatus) {
        status.textContent = freshStatus.textContent;
        freshStatus.replaceWith(status);
      }
      results.replaceWith(fresh);
    }
    history.replaceState(null, '', `/cari/${params.size ? `?${params}` : ''}`);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    const status = results?.querySelector('[role="status"]');
    if (status) status.textContent = 'Hasil belum dapat dimuat. Periksa koneksi, lalu tekan Cari.';
  } finally {
    if (mine === generation) results?.removeAttribute('aria-busy');
  }
}

if (form) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void update();
  });
}
