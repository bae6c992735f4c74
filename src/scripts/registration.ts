import { normaliseStoreLink } from '../core/store-link.ts';
import { storeLinkMessages } from '../core/messages.ts';

/**
 * Makes the registration form quicker with JavaScript: kecamatan narrowed to the chosen
 * kabupaten/kota, each store link recognised as it is pasted, and errors shown beside their
 * fields without a reload. Without JavaScript the same form posts and the server answers.
 */
const form = document.querySelector<HTMLFormElement>('[data-registration-form]');
const regency = form?.querySelector<HTMLSelectElement>('[data-regency-select]');
const district = form?.querySelector<HTMLSelectElement>('[data-district-select]');

let allDistricts: Promise<Record<string, { name: string; districts: [string, string][] }>> | undefined;

/** A kabupaten/kota's kecamatan group, fetched once from /kecamatan.json when the page listed only its own. */
async function ensureGroup(code: string) {
  if (!district || !code || district.querySelector(`optgroup[data-regency="${CSS.escape(code)}"]`)) return;
  allDistricts ??= fetch('/kecamatan.json').then((r) => r.json());
  const entry = (await allDistricts)[code];
  if (!entry || district.querySelector(`optgroup[data-regency="${CSS.escape(code)}"]`)) return;
  const group = document.createElement('optgroup');
  group.label = entry.name;
  group.dataset['regency'] = code;
  for (const [value, label] of entry.districts) group.append(new Option(label, value));
  district.append(group);
}

async function narrowDistricts() {
  if (!regency || !district) return;
  await ensureGroup(regency.value).catch(() => undefined);
  for (const group of district.querySelectorAll('optgroup')) {
    const match = group.dataset['regency'] === regency.value;
    group.hidden = !match;
    group.disabled = !match;
  }
  const chosen = district.selectedOptions[0];
  if (chosen && chosen.parentElement instanceof HTMLOptGroupElement && chosen.parentElement.disabled) district.value = '';
}

function showLinkStatus(input: HTMLInputElement) {
  const out = input.parentElement?.querySelector<HTMLElement>('.platform-detected');
  if (!out) return;
  if (input.value.trim() === '') {
    out.textContent = '';
    return;
  }
  const result = normaliseStoreLink(input.value);
  out.style.color = result.ok ? '' : 'var(--error)';
  out.textContent = result.ok ? `✓ ${result.platformName}${result.short ? ' (tautan pendek)' : ''}` : storeLinkMessages[result.reason];
}

function clearErrors() {
  form?.querySelector('.error-summary')?.remove();
  for (const field of form?.querySelectorAll<HTMLElement>('.field.has-error') ?? []) {
    field.classList.remove('has-error');
    field.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    const out = field.querySelector('.field-error');
    if (out) out.textContent = '';
  }
}

function showErrors(errors: { path: string; message: string }[]) {
  if (!form) return;
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const h2 = document.createElement('h2');
  h2.textContent = `Ada ${errors.length} isian yang perlu diperbaiki`;
  const ul = document.createElement('ul');
  for (const error of errors) {
    const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(error.path)}"]`);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.textContent = error.message;
    const control = field?.querySelector<HTMLElement>('input, select, textarea');
    if (control) a.href = `#${control.id}`;
    li.append(a);
    ul.append(li);
    if (!field) continue;
    field.classList.add('has-error');
    control?.setAttribute('aria-invalid', 'true');
    const out = field.querySelector('.field-error');
    if (out) out.textContent = error.message;
  }
  summary.append(h2, ul);
  form.prepend(summary);
  summary.focus();
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const filled = (c: Control) => (c instanceof HTMLInputElement && c.type === 'checkbox' ? c.checked : c.value.trim() !== '');

/**
 * The form's sections with progress: each section's link in the list at the top marked done
 * once its required fields hold something (an optional section once anything is filled),
 * and how many of the required sections are done. The list is plain links without JavaScript.
 */
function showProgress() {
  if (!form) return;
  let done = 0;
  let required = 0;
  for (const step of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-step]')) {
    const controls = [...step.querySelectorAll<Control>('input:not([type="hidden"]), select, textarea')];
    const mustHave = controls.filter((c) => c.required);
    const complete = step.dataset['step'] === 'wajib' ? mustHave.every(filled) : controls.some(filled);
    if (step.dataset['step'] === 'wajib') {
      required++;
      if (complete) done++;
    }
    const link = form.querySelector<HTMLAnchorElement>(`[data-step-link="${step.id.replace(/^bagian-/, '')}"]`);
    if (link) {
      link.classList.toggle('done', complete);
      let mark = link.querySelector<HTMLElement>('.sr-only');
      if (!mark) {
        mark = document.createElement('span');
        mark.className = 'sr-only';
        link.append(mark);
      }
      mark.textContent = complete ? ' (sudah diisi)' : '';
    }
  }
  const out = form.querySelector<HTMLElement>('[data-form-progress]');
  if (out) {
    out.textContent = done === required ? `Semua ${required} bagian wajib sudah diisi. Periksa lalu kirim.` : `Bagian wajib yang sudah diisi: ${done} dari ${required}.`;
  }
}

if (form) {
  form.addEventListener('input', showProgress);
  form.addEventListener('change', showProgress);
  showProgress();
  regency?.addEventListener('change', () => void narrowDistricts());
  void narrowDistricts();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name^="storeLinks."]')) {
    input.addEventListener('input', () => showLinkStatus(input));
    showLinkStatus(input);
  }
  // The public form sends through the JSON API and shows mistakes without a reload; the
  // owner's and the mentor's forms post as plain forms.
  const api = form.dataset['api'];
  if (api) form.addEventListener('submit', async (event) => {
    // The preview goes to its own page as a plain form post.
    if ((event.submitter as HTMLElement | null)?.hasAttribute('data-preview-button')) return;
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.textContent = 'Mengirim…';
    }
    try {
      const response = await fetch(api, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
      const body = await response.json();
      if (response.status === 201) {
        location.assign(`${new URL(body.statusUrl).pathname}?baru=1${body.emailed ? '&email=1' : ''}`);
        return;
      }
      clearErrors();
      showErrors(body.errors ?? [{ path: '', message: body.detail ?? 'Pendaftaran gagal dikirim.' }]);
      // A Turnstile token counts once: ask the widget for a fresh one for the next try.
      (window as { turnstile?: { reset: () => void } }).turnstile?.reset();
    } catch {
      clearErrors();
      showErrors([{ path: '', message: 'Koneksi terputus. Periksa internet Anda lalu kirim lagi; isian Anda tidak hilang.' }]);
    } finally {
      if (button) {
        button.disabled = false;
        button.textContent = 'Kirim pendaftaran';
      }
    }
  });
}
