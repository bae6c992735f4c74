/**
 * Photos from the owner's page, made small in the phone before they travel: each chosen
 * file is drawn upright at most 1,600 px on its longest side and sent as a JPEG (a 4 MB
 * camera photo becomes about 300 kB on a slow connection), one by one to the API with a
 * progress bar. A file the browser cannot draw (HEIC outside Safari) goes as it is, and the
 * server says what to do. Without JavaScript the form posts the files itself.
 */
const form = document.querySelector<HTMLFormElement>('[data-photo-form]');
const LONGEST = 1600;

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

async function shrink(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, LONGEST / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

function send(url: string, photo: Blob, name: string, fields: Record<string, string>, onProgress: (share: number) => void): Promise<{ status: number; body: string }> {
  const data = new FormData();
  data.set('photo', photo, name);
  for (const [key, value] of Object.entries(fields)) if (value) data.set(key, value);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => resolve({ status: xhr.status, body: xhr.responseText }));
    xhr.addEventListener('error', () => resolve({ status: 0, body: '' }));
    xhr.send(data);
  });
}

if (form && typeof createImageBitmap === 'function') {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]');
  const progress = form.querySelector<HTMLProgressElement>('[data-photo-progress]');
  const status = form.querySelector<HTMLElement>('[data-photo-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const api = form.dataset['api'] ?? '';
  const room = Number(form.dataset['room'] ?? '0');
  const page = form.action.replace(/\/foto$/, '');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const fail = (text: string) => {
    input?.setAttribute('aria-invalid', 'true');
    let error = form.querySelector<HTMLElement>('#f-photo-error');
    if (!error && input) {
      error = document.createElement('p');
      error.id = 'f-photo-error';
      error.className = 'field-error';
      input.after(error);
      input.setAttribute('aria-describedby', 'f-photo-hint f-photo-error');
    }
    if (error) error.textContent = text;
    input?.focus();
  };

  form.addEventListener('submit', async (event) => {
    const files = [...(input?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    const chosen = files.slice(0, room);
    const fields = { kind: form.querySelector<HTMLSelectElement>('[name="kind"]')?.value ?? '', caption: form.querySelector<HTMLInputElement>('[name="caption"]')?.value ?? '' };
    if (button) button.disabled = true;
    if (progress) progress.hidden = false;
    let sent = 0;
    for (const [i, file] of chosen.entries()) {
      const label = chosen.length > 1 ? ` ${i + 1} dari ${chosen.length}` : '';
      say(`Mengecilkan foto${label}…`);
      const photo = await shrink(file);
      say(`Mengirim foto${label} (${Math.max(1, Math.round(photo.size / 1024))} kB)…`);
      const answer = await send(api, photo, file.name.replace(/\.[^.]*$/, '') + (photo === file ? '' : '.jpg'), fields, (share) => {
        if (progress) progress.value = Math.round(((i + share) / chosen.length) * 100);
      });
      if (answer.status !== 201) {
        let problem: Problem = {};
        try {
          problem = JSON.parse(answer.body) as Problem;
        } catch {
          // not JSON: a network failure or a proxy's page
        }
        const why = problem.errors?.map((e) => e.message).join(' ') || problem.detail || 'Foto belum terkirim: sambungan terputus. Periksa sinyal lalu kirim lagi.';
        fail(`${file.name}: ${why}${sent > 0 ? ` ${sent} foto sebelumnya sudah tersimpan.` : ''}`);
        say('');
        if (progress) progress.hidden = true;
        if (button) button.disabled = false;
        return;
      }
      sent++;
    }
    if (progress) progress.value = 100;
    say(files.length > chosen.length ? `${sent} foto tersimpan; sisanya melebihi batas.` : `${sent} foto tersimpan.`);
    location.assign(`${page}?foto=1#foto`);
  });
}
export {};
