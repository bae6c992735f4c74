import { categories, regencies } from '../../src/core/reference.ts';
import { platforms } from '../../src/core/platforms.ts';
import { formatPriceRange } from '../../src/core/rupiah.ts';
import { formatPhoneLocal } from '../../src/core/phone.ts';
import { escapeHtml as e } from '../../src/core/text.ts';
import type { FieldError } from '../../src/core/errors.ts';
import type { SupplierJson } from '../../src/core/supplier-schema.ts';

/** HTML of the procurement pages (/pengadaan), rendered on the server so they work without JavaScript. */
const n = new Intl.NumberFormat('id-ID');
const date = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' });
const day = (iso: string | null) => (iso ? date.format(new Date(iso)) : '');

const verificationText: Record<string, string> = {
  staff: 'Diverifikasi petugas',
  mentor: 'Diperiksa pendamping',
  self: 'Data dari pemilik (belum diverifikasi)',
};

export interface ProcurementView {
  params: URLSearchParams;
  errors: FieldError[];
  result?: {
    items: SupplierJson[];
    total: number;
    verified: number;
    priceRange: { min: number; max: number } | null;
    order: string;
    page: number;
    pages: number;
    links: { first: string; prev?: string; next?: string };
    continued: boolean;
  };
}

function select(name: string, label: string, options: [string, string][], value: string, all: string) {
  return `<div class="field"><label for="p-${name}">${label}</label><select id="p-${name}" name="${name}"><option value="">${all}</option>${options
    .map(([v, text]) => `<option value="${e(v)}"${v === value ? ' selected' : ''}>${e(text)}</option>`)
    .join('')}</select></div>`;
}

function check(name: string, label: string, params: URLSearchParams) {
  const on = ['1', 'true'].includes(params.get(name) ?? '');
  return `<label class="check"><input type="checkbox" name="${name}" value="1"${on ? ' checked' : ''}> ${label}</label>`;
}

function filterForm(params: URLSearchParams, errors: FieldError[]) {
  const v = (k: string) => params.get(k) ?? '';
  const error = (k: string) => {
    const f = errors.find((x) => x.path === k);
    return f ? `<p class="field-error" role="alert">${e(f.message)}</p>` : '';
  };
  const regency = v('regency');
  // Kecamatan are offered once a kabupaten/kota is chosen: 627 options would weigh down a phone.
  const districts = regencies.find((r) => r.code === regency)?.districts.map((d) => [d.code, d.name] as [string, string]) ?? [];
  return `<form class="proc-form" method="get" action="/pengadaan/" role="search">
<div class="field"><label for="p-q">Kata kunci</label><input id="p-q" name="q" type="search" value="${e(v('q'))}" maxlength="100" placeholder="Contoh: kopi, seragam batik, keripik">${error('q')}</div>
<div class="proc-grid">
${select('category', 'Kategori', categories.map((c) => [c.slug, c.name]), v('category'), 'Semua kategori')}
<div class="field"><label for="p-kbli">Kode KBLI</label><input id="p-kbli" name="kbli" inputmode="numeric" value="${e(v('kbli'))}" placeholder="misalnya 10794 atau 10">${error('kbli')}</div>
${select('regency', 'Kabupaten/kota', regencies.map((r) => [r.code, r.name]), regency, 'Seluruh Jawa Barat')}
${select('district', 'Kecamatan', districts, v('district'), regency ? 'Semua kecamatan' : 'Pilih kabupaten/kota dulu')}
${select('platform', 'Punya toko di', platforms.filter((p) => !p.legacy).map((p) => [p.id, p.name]), v('platform'), 'Platform apa saja')}
</div>
${error('regency')}${error('district')}${error('category')}${error('platform')}
<fieldset class="checks"><legend>Syarat</legend>
${check('verified', 'NIB terverifikasi', params)} ${check('halal', 'Bersertifikat halal', params)} ${check('pirt', 'Punya P-IRT', params)} ${check('juara', 'Peserta UMKM Juara', params)}
</fieldset>
<button class="btn btn-primary" type="submit">Cari pemasok</button> <a href="/pengadaan/">Hapus filter</a>
</form>`;
}

/** One supplier as a buyer needs it: identity, verification, identifiers, prices, where to buy. */
function supplierCard(s: SupplierJson) {
  return `<li class="card supplier" data-supplier="${e(s.slug)}">
<h3><a href="/umkm/${e(s.slug)}/">${e(s.name)}</a></h3>
<p class="muted">${e(s.category.name)} · ${e(s.district.name)}, ${e(s.regency.name)}</p>
<p><strong>${verificationText[s.verification.level] ?? s.verification.level}</strong>${s.verification.verifiedAt ? `, ${day(s.verification.verifiedAt)}` : ''}</p>
<dl class="facts">
<dt>NIB</dt><dd>${s.nib ? `${e(s.nib)}${s.nibVerifiedAt ? ` ✓ terverifikasi ${day(s.nibVerifiedAt)}` : ' (belum diverifikasi)'}` : 'tidak ada'}</dd>
${s.kbli.codes.length ? `<dt>KBLI ${e(s.kbli.edition)}</dt><dd>${e(s.kbli.codes.join(', '))}</dd>` : ''}
${s.halalNumber ? `<dt>Halal</dt><dd>${e(s.halalNumber)}</dd>` : ''}
${s.pirtNumber ? `<dt>P-IRT</dt><dd>${e(s.pirtNumber)}</dd>` : ''}
${s.isJuara ? '<dt>Program</dt><dd>UMKM Juara</dd>' : ''}
<dt>Harga</dt><dd>${s.priceRange ? formatPriceRange(s.priceRange.min, s.priceRange.max) : 'belum dicantumkan'}</dd>
<dt>WhatsApp</dt><dd><a href="${e(s.whatsappUrl)}" rel="noopener nofollow">${formatPhoneLocal(s.whatsapp)}</a></dd>
<dt>Toko</dt><dd>${s.storeLinks.map((l) => `<a href="${e(l.url)}" rel="noopener nofollow">${e(l.platformName)}</a>`).join(', ')}</dd>
</dl>
<p class="supplier-actions"><a href="/pengadaan/pemasok/${e(s.slug)}/">Lembar pemasok (cetak)</a>
<button type="button" class="btn" hidden data-shortlist-toggle data-slug="${e(s.slug)}" data-name="${e(s.name)}" aria-pressed="false">+ Daftar pendek</button></p>
</li>`;
}

function shortlistPanel() {
  return `<aside class="shortlist" hidden data-shortlist-panel aria-label="Daftar pendek">
<p data-shortlist-count role="status">Daftar pendek masih kosong.</p>
<p><a class="btn" data-shortlist-link data-base="/pengadaan/bandingkan/" hidden>Bandingkan</a>
<a class="btn" data-shortlist-link data-base="/api/suppliers/export?format=csv" hidden>Unduh CSV</a>
<a class="btn" data-shortlist-link data-base="/api/suppliers/export?format=json" hidden>Unduh JSON</a>
<button type="button" class="btn" data-shortlist-clear>Kosongkan</button></p>
</aside>`;
}

export function renderProcurementPage(view: ProcurementView): string {
  const { params, errors, result } = view;
  const filters = new URLSearchParams([...params].filter(([k, v]) => k !== 'page' && v !== ''));
  const exportQuery = filters.size > 0 ? `&${filters.toString()}` : '';
  const body = !result
    ? `<p class="error-summary" role="alert">Ada filter yang perlu diperbaiki; lihat keterangan di atas.</p>`
    : `<section class="proc-summary" aria-label="Ringkasan hasil">
<p><strong>${n.format(result.total)}</strong> pemasok cocok, <strong>${n.format(result.verified)}</strong> dengan NIB terverifikasi${result.priceRange ? `; harga produk ${formatPriceRange(result.priceRange.min, result.priceRange.max)}` : ''}.</p>
<p class="muted">${result.verified >= 3 ? 'Cukup untuk survei harga HPS (minimal 3 pemasok).' : 'Kurang dari 3 pemasok terverifikasi untuk survei harga HPS: perluas wilayah atau kurangi syarat.'}
Urutan: ${result.order === 'relevance' ? 'paling relevan dengan kata kunci' : 'terverifikasi lebih dulu, lalu yang terbaru'}.</p>
<p>Unduh seluruh hasil: <a href="/api/suppliers/export?format=csv${e(exportQuery)}">CSV</a> · <a href="/api/suppliers/export?format=json${e(exportQuery)}">JSON</a> · <a href="/api/docs">API</a></p>
</section>
${result.items.length === 0 ? '<p>Tidak ada pemasok yang cocok. Coba kata kunci lain atau kurangi filter.</p>' : `<h2 class="sr-only">Daftar pemasok</h2><ul class="cards suppliers">${result.items.map(supplierCard).join('')}</ul>`}
${result.pages > 1 ? `<nav class="pager" aria-label="Halaman">${result.links.prev ? `<a class="btn" rel="prev" href="${e(result.links.prev.replace('/api/suppliers', '/pengadaan/'))}">‹ Sebelumnya</a>` : '<span></span>'}<span>${result.continued ? `Lanjutan · <a href="${e(result.links.first.replace('/api/suppliers', '/pengadaan/'))}">ke awal</a>` : `Halaman ${result.page} dari ${result.pages}`}</span>${result.links.next ? `<a class="btn" rel="next" href="${e(result.links.next.replace('/api/suppliers', '/pengadaan/'))}">Berikutnya ›</a>` : '<span></span>'}</nav>` : ''}`;
  return `<h1>Cari pemasok UMKM</h1>
<p>Untuk pejabat pengadaan: temukan UMKM Jawa Barat menurut kategori, KBLI, wilayah dan legalitas, lalu simpan daftar pendek, bandingkan, dan unduh.</p>
${filterForm(params, errors)}
${shortlistPanel()}
${body}`;
}

/** Shortlisted suppliers side by side. */
export function renderComparePage(items: SupplierJson[]): string {
  if (items.length === 0) {
    return `<h1>Bandingkan pemasok</h1><p>Belum ada pemasok untuk dibandingkan. Tambahkan dari <a href="/pengadaan/">pencarian pemasok</a>.</p>`;
  }
  const rows: [string, (s: SupplierJson) => string][] = [
    ['Kategori', (s) => e(s.category.name)],
    ['Wilayah', (s) => `${e(s.district.name)}, ${e(s.regency.name)}`],
    ['Verifikasi', (s) => `${verificationText[s.verification.level] ?? ''}${s.verification.verifiedAt ? ` (${day(s.verification.verifiedAt)})` : ''}`],
    ['NIB', (s) => (s.nib ? `${e(s.nib)}${s.nibVerifiedAt ? ' ✓' : ''}` : '—')],
    ['KBLI', (s) => e(s.kbli.codes.join(', ')) || '—'],
    ['Halal', (s) => (s.halalNumber ? e(s.halalNumber) : '—')],
    ['P-IRT', (s) => (s.pirtNumber ? e(s.pirtNumber) : '—')],
    ['UMKM Juara', (s) => (s.isJuara ? 'ya' : 'tidak')],
    ['Harga', (s) => (s.priceRange ? formatPriceRange(s.priceRange.min, s.priceRange.max) : '—')],
    ['Produk', (s) => s.products.map((p) => `${e(p.name)}: ${formatPriceRange(p.priceMin, p.priceMax)}`).join('<br>') || '—'],
    ['WhatsApp', (s) => `<a href="${e(s.whatsappUrl)}" rel="noopener nofollow">${formatPhoneLocal(s.whatsapp)}</a>`],
    ['Toko', (s) => s.storeLinks.map((l) => `<a href="${e(l.url)}" rel="noopener nofollow">${e(l.platformName)}</a>`).join('<br>')],
  ];
  const slugs = items.map((s) => s.slug).join(',');
  return `<h1>Bandingkan ${items.length} pemasok</h1>
<p><a href="/api/suppliers/export?format=csv&amp;slugs=${e(slugs)}">Unduh CSV</a> · <a href="/api/suppliers/export?format=json&amp;slugs=${e(slugs)}">Unduh JSON</a> · <a href="/pengadaan/">Kembali ke pencarian</a></p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Tabel perbandingan pemasok"><table class="compare">
<thead><tr><th scope="col">Pemasok</th>${items.map((s) => `<th scope="col"><a href="/umkm/${e(s.slug)}/">${e(s.name)}</a></th>`).join('')}</tr></thead>
<tbody>${rows.map(([label, cell]) => `<tr><th scope="row">${label}</th>${items.map((s) => `<td>${cell(s)}</td>`).join('')}</tr>`).join('')}</tbody>
</table></div>`;
}

/** A one-page A4 supplier sheet for the procurement file. */
export function renderSupplierSheet(s: SupplierJson, printedAt: Date): string {
  return `<article class="sheet">
<p class="muted">Lembar pemasok · Etalase Jabar · dicetak ${date.format(printedAt)}</p>
<h1>${e(s.name)}</h1>
<p>${e(s.category.name)} · ${s.address ? `${e(s.address)}, ` : ''}Kec. ${e(s.district.name)}, ${e(s.regency.name)}</p>
<dl class="facts">
<dt>Verifikasi</dt><dd>${verificationText[s.verification.level] ?? ''}${s.verification.verifiedAt ? `, ${day(s.verification.verifiedAt)}` : ''}</dd>
<dt>NIB</dt><dd>${s.nib ? `${e(s.nib)}${s.nibVerifiedAt ? ` (terverifikasi ${day(s.nibVerifiedAt)})` : ' (belum diverifikasi)'}` : '—'}</dd>
<dt>KBLI ${e(s.kbli.edition)}</dt><dd>${e(s.kbli.codes.join(', ')) || '—'}</dd>
<dt>Sertifikat halal</dt><dd>${s.halalNumber ? e(s.halalNumber) : '—'}</dd>
<dt>P-IRT</dt><dd>${s.pirtNumber ? e(s.pirtNumber) : '—'}</dd>
<dt>UMKM Juara</dt><dd>${s.isJuara ? 'ya' : 'tidak'}</dd>
<dt>WhatsApp</dt><dd>${formatPhoneLocal(s.whatsapp)}</dd>
<dt>Toko online</dt><dd>${s.storeLinks.map((l) => `${e(l.platformName)}: ${e(l.url)}`).join('<br>')}</dd>
<dt>Profil</dt><dd>${e(s.profileUrl)}</dd>
</dl>
<h2>Produk dan harga</h2>
<table class="compare"><thead><tr><th scope="col">Produk</th><th scope="col">Harga</th></tr></thead><tbody>${s.products
    .map((p) => `<tr><td>${e(p.name)}</td><td>${formatPriceRange(p.priceMin, p.priceMax)}</td></tr>`)
    .join('')}</tbody></table>
<p class="no-print"><button type="button" class="btn btn-primary" data-print>Cetak</button> <a href="/pengadaan/">Kembali ke pencarian</a></p>
</article>`;
}
