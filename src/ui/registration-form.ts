import { categories, regencies } from '../core/reference.ts';
import { platforms } from '../core/platforms.ts';
import { LIMITS } from '../core/registration.ts';
import { escapeHtml as e } from '../core/text.ts';
import type { FieldError } from '../core/errors.ts';
import { consentMethodLabels } from '../core/consent.ts';
import { TURNSTILE_ORIGIN } from '../core/security-headers.ts';

/**
 * The registration form as HTML, shared by the static /daftar page and by the API when
 * it answers a form sent without JavaScript (values kept, each error beside its field).
 */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: FieldError[];
  /** Where the form posts: a new registration, or an owner's change through the private link. */
  action?: string;
  submitLabel?: string;
  hidden?: Record<string, string>;
  /** A mentor registering on the owner's behalf records how the owner consented, instead of consenting. */
  onBehalf?: boolean;
  /** Cloudflare Turnstile's public site key, when the portal is configured to use it. */
  turnstileSiteKey?: string;
}

const STORE_LINK_BOXES = 4;
const PRODUCT_ROWS = 3;

interface FilledState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

const id = (path: string) => `f-${path.replace(/\./g, '-')}`;

function valueAt(values: Record<string, unknown>, path: string): string {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '';
}

interface FieldOptions {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  control: (attrs: string) => string;
}

function field(state: FilledState, o: FieldOptions): string {
  const error = state.errors.find((f) => f.path === o.path);
  const describedBy = [o.hint ? `${id(o.path)}-hint` : '', error ? `${id(o.path)}-error` : ''].filter(Boolean).join(' ');
  const attrs = [
    `id="${id(o.path)}"`,
    `name="${o.path}"`,
    o.required ? 'required' : '',
    describedBy ? `aria-describedby="${describedBy}"` : '',
    error ? 'aria-invalid="true"' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<div class="field${error ? ' has-error' : ''}" data-field="${o.path}">
<label for="${id(o.path)}">${e(o.label)}${o.required ? ' <span class="req" aria-hidden="true">*</span>' : ' <span class="opt">(opsional)</span>'}</label>
${o.hint ? `<p class="hint" id="${id(o.path)}-hint">${e(o.hint)}</p>` : ''}
${o.control(attrs)}
<p class="field-error" id="${id(o.path)}-error" role="status">${error ? e(error.message) : ''}</p>
</div>`;
}

const input = (state: FilledState, path: string, extra = '') => (attrs: string) =>
  `<input ${attrs} ${extra} value="${e(valueAt(state.values, path))}">`;

export function renderRegistrationForm(formState: FormState = {}): string {
  const state: FilledState = { values: formState.values ?? {}, errors: formState.errors ?? [] };
  const v = (path: string) => valueAt(state.values, path);
  const selectedRegency = v('regencyCode');
  const summary =
    state.errors.length > 0
      ? `<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>Ada ${state.errors.length} isian yang perlu diperbaiki</h2><ul>${state.errors
          .map((f) => `<li><a href="#${id(f.path)}">${e(f.message)}</a></li>`)
          .join('')}</ul></div>`
      : '';

  const storeBoxes = Array.from({ length: STORE_LINK_BOXES }, (_, i) =>
    field(state, {
      path: `storeLinks.${i}`,
      label: i === 0 ? 'Tautan toko utama' : `Tautan toko lain ${i}`,
      ...(i === 0 ? { hint: `Salin dari aplikasi, misalnya https://www.tokopedia.com/namatoko atau https://shopee.co.id/namatoko. Tautan pendek (tokopedia.link, shp.ee) juga boleh.` } : {}),
      required: i === 0,
      control: (attrs) =>
        `<input ${attrs} type="url" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://" value="${e(v(`storeLinks.${i}`))}"><p class="platform-detected" aria-live="polite"></p>`,
    }),
  ).join('\n');

  const productRows = Array.from(
    { length: PRODUCT_ROWS },
    (_, i) => `<fieldset class="product-row"><legend>Produk ${i + 1}</legend>
${field(state, { path: `products.${i}.name`, label: 'Nama produk', ...(i === 0 ? { hint: 'Misalnya: Keripik singkong balado 250 g' } : {}), control: input(state, `products.${i}.name`, `maxlength="${LIMITS.productName[1]}"`) })}
<div class="price-pair">
${field(state, { path: `products.${i}.priceMin`, label: 'Harga (Rp)', ...(i === 0 ? { hint: 'Misalnya 15000 atau 15.000' } : {}), control: input(state, `products.${i}.priceMin`, 'inputmode="numeric"') })}
${field(state, { path: `products.${i}.priceMax`, label: 'Sampai harga (Rp)', ...(i === 0 ? { hint: 'Isi bila ada beberapa ukuran' } : {}), control: input(state, `products.${i}.priceMax`, 'inputmode="numeric"') })}
</div></fieldset>`,
  ).join('\n');

  const hidden = Object.entries(formState.hidden ?? {})
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('');
  // The honeypot: off screen and out of the tab order; only bots fill it.
  const honeypot = `<div class="hp" aria-hidden="true"><label for="f-website">Situs web (kosongkan)</label><input id="f-website" name="website" tabindex="-1" autocomplete="off" value=""></div>`;
  return `<form class="reg-form" method="post" action="${e(formState.action ?? '/api/registrations')}" novalidate data-registration-form>
${hidden}${honeypot}${summary}
<fieldset><legend>Tentang usaha</legend>
${field(state, { path: 'name', label: 'Nama usaha', hint: 'Nama yang dikenal pembeli, misalnya "Keripik Tempe Bu Enok".', required: true, control: input(state, 'name', `maxlength="${LIMITS.name[1]}" autocomplete="organization"`) })}
${field(state, {
  path: 'description',
  label: 'Ceritakan usaha Anda',
  hint: 'Apa yang dijual, bahan, keunggulan. Minimal 20 karakter.',
  required: true,
  control: (attrs) => `<textarea ${attrs} rows="4" maxlength="${LIMITS.description[1]}">${e(v('description'))}</textarea>`,
})}
${field(state, {
  path: 'category',
  label: 'Kategori',
  required: true,
  control: (attrs) =>
    `<select ${attrs}><option value="">Pilih kategori…</option>${categories
      .map((c) => `<option value="${c.slug}"${v('category') === c.slug ? ' selected' : ''}>${e(c.name)}</option>`)
      .join('')}</select>`,
})}
${field(state, { path: 'kbliCodes', label: 'Kode KBLI', hint: 'Dari dokumen NIB/OSS, 5 angka; pisahkan dengan koma. Misalnya: 10794, 47911', control: input(state, 'kbliCodes', 'inputmode="numeric"') })}
</fieldset>
<fieldset><legend>Lokasi</legend>
${field(state, {
  path: 'regencyCode',
  label: 'Kabupaten/kota',
  required: true,
  control: (attrs) =>
    `<select ${attrs} data-regency-select><option value="">Pilih kabupaten/kota…</option>${regencies
      .map((r) => `<option value="${r.code}"${selectedRegency === r.code ? ' selected' : ''}>${e(r.name)}</option>`)
      .join('')}</select>`,
})}
${field(state, {
  path: 'districtCode',
  label: 'Kecamatan',
  required: true,
  control: (attrs) =>
    `<select ${attrs} data-district-select><option value="">Pilih kecamatan…</option>${regencies
      .map(
        (r) =>
          `<optgroup label="${e(r.name)}" data-regency="${r.code}">${r.districts
            .map((d) => `<option value="${d.code}"${v('districtCode') === d.code ? ' selected' : ''}>${e(d.name)}</option>`)
            .join('')}</optgroup>`,
      )
      .join('')}</select>`,
})}
${field(state, { path: 'address', label: 'Alamat usaha', hint: 'Akan ditampilkan untuk umum. Kosongkan bila usaha dijalankan dari rumah: yang tampil hanya kecamatan.', control: input(state, 'address', `maxlength="${LIMITS.address}" autocomplete="street-address"`) })}
</fieldset>
<fieldset><legend>Kontak dan toko online</legend>
${field(state, { path: 'whatsapp', label: 'Nomor WhatsApp usaha', hint: 'Misalnya 0812-3456-7890. Pembeli akan menghubungi nomor ini.', required: true, control: input(state, 'whatsapp', 'type="tel" inputmode="tel" autocomplete="tel"') })}
${storeBoxes}
<p class="hint">Platform yang dikenali: ${platforms.filter((p) => !p.legacy).map((p) => e(p.name)).join(', ')}.</p>
</fieldset>
<fieldset><legend>Produk</legend>
${productRows}
</fieldset>
<fieldset><legend>Izin dan sertifikat</legend>
${field(state, { path: 'nib', label: 'NIB (Nomor Induk Berusaha)', hint: '13 angka dari OSS. Petugas akan memeriksanya.', control: input(state, 'nib', 'inputmode="numeric"') })}
${field(state, { path: 'halalNumber', label: 'Nomor sertifikat halal', hint: 'Dari BPJPH, diawali "ID".', control: input(state, 'halalNumber', 'autocapitalize="characters"') })}
${field(state, { path: 'pirtNumber', label: 'Nomor P-IRT', hint: 'Izin pangan industri rumah tangga, 15 angka.', control: input(state, 'pirtNumber', 'inputmode="numeric"') })}
${field(state, { path: 'email', label: 'Email', hint: 'Bila diisi, salinan tautan status dikirim ke sini (saat layanan email aktif). Tidak ditampilkan.', control: input(state, 'email', 'type="email" autocomplete="email"') })}
</fieldset>
${formState.onBehalf ? mentorConsent(state) : ownerConsent(state)}
${formState.turnstileSiteKey ? turnstile(state, formState.turnstileSiteKey) : ''}
<button type="submit" class="btn btn-primary">${e(formState.submitLabel ?? 'Kirim pendaftaran')}</button>
</form>`;
}

/** The owner's own consent, per UU PDP: what is published and why. */
const ownerConsent = (state: FilledState) => `<fieldset class="consent"><legend>Persetujuan</legend>
${field(state, {
  path: 'consent',
  label: 'Saya setuju data usaha di atas (nama usaha, deskripsi, kategori, kecamatan, alamat usaha bila diisi, nomor WhatsApp usaha, tautan toko, produk dan nomor izin) ditampilkan untuk umum di Etalase Jabar agar pembeli dan instansi pemerintah dapat menemukan usaha saya.',
  hint: 'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi. Email tidak ditampilkan. Anda dapat mengubah atau menghapus data kapan saja.',
  required: true,
  control: (attrs) => `<input ${attrs} type="checkbox" value="true"${valueAt(state.values, 'consent') ? ' checked' : ''}>`,
})}
<p><a href="/privasi/">Baca kebijakan privasi</a></p>
</fieldset>`;

/** A mentor's record of the owner's consent: who gave it and how, besides the mentor's confirmation. */
const mentorConsent = (state: FilledState) => `<fieldset class="consent"><legend>Persetujuan pemilik</legend>
<p class="hint">Anda mendaftarkan usaha ini atas nama pemiliknya. Catat siapa yang menyetujui dan bagaimana; catatan ini tersimpan di log audit.</p>
${field(state, { path: 'ownerName', label: 'Nama pemilik yang menyetujui', required: true, control: input(state, 'ownerName', 'maxlength="80" autocomplete="off"') })}
${field(state, {
  path: 'consentMethod',
  label: 'Cara pemilik menyetujui',
  required: true,
  control: (attrs) =>
    `<select ${attrs}><option value="">Pilih…</option>${Object.entries(consentMethodLabels)
      .map(([value, label]) => `<option value="${value}"${valueAt(state.values, 'consentMethod') === value ? ' selected' : ''}>${e(label)}</option>`)
      .join('')}</select>`,
})}
${field(state, {
  path: 'consent',
  label: 'Pemilik sudah membaca dan menyetujui bahwa data usaha di atas (tanpa email) ditampilkan untuk umum di Etalase Jabar, dan tahu bahwa ia dapat mengubah atau menghapusnya kapan saja.',
  hint: 'Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
  required: true,
  control: (attrs) => `<input ${attrs} type="checkbox" value="true"${valueAt(state.values, 'consent') ? ' checked' : ''}>`,
})}
</fieldset>`;


/** The Turnstile widget (it adds the token field to the form), its error beside it, and Cloudflare's script. */
function turnstile(state: FilledState, siteKey: string): string {
  const error = state.errors.find((f) => f.path === 'cf-turnstile-response');
  return `<div class="field${error ? ' has-error' : ''}" data-field="cf-turnstile-response">
<div class="cf-turnstile" id="f-cf-turnstile-response" data-sitekey="${e(siteKey)}" data-language="id" data-size="flexible"></div>
<p class="field-error" id="f-cf-turnstile-response-error" role="status">${error ? e(error.message) : ''}</p>
<script src="${TURNSTILE_ORIGIN}/turnstile/v0/api.js" async defer></script>
</div>`;
}
