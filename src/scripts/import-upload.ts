/**
 * With JavaScript, the cohort upload shows its progress (XMLHttpRequest reports the bytes
 * sent, fetch does not), then follows the server to the report; the commit goes in steps of
 * 250 rows with a progress bar. Without JavaScript both forms post as they are.
 */
const form = document.querySelector<HTMLFormElement>('form[data-upload]');
if (form) {
  const bar = form.querySelector<HTMLProgressElement>('[data-upload-progress]');
  const status = form.querySelector<HTMLElement>('[data-upload-status]');
  form.addEventListener('submit', (event) => {
    if (!bar || !status || !form.checkValidity()) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    bar.hidden = false;
    request.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      bar.value = Math.round((e.loaded / e.total) * 100);
      status.textContent = bar.value < 100 ? `Mengunggah … ${bar.value}%` : 'Memeriksa setiap baris …';
    });
    request.addEventListener('load', () => {
      // The server answers with the report (after its redirect) or the form with the problem.
      if (request.responseURL && request.responseURL !== window.location.href) window.location.assign(request.responseURL);
      else {
        const page = new DOMParser().parseFromString(request.responseText, 'text/html');
        document.title = page.title;
        document.body.replaceWith(page.body);
      }
    });
    request.addEventListener('error', () => {
      bar.hidden = true;
      status.textContent = 'Unggahan terputus. Periksa sambungan lalu coba lagi.';
    });
    request.send(new FormData(form));
  });
}

const commit = document.querySelector<HTMLFormElement>('form[data-commit]');
if (commit) {
  const bar = commit.querySelector<HTMLProgressElement>('[data-commit-progress]');
  const status = commit.querySelector<HTMLElement>('[data-commit-status]');
  const button = commit.querySelector<HTMLButtonElement>('button[type=submit]');
  commit.addEventListener('submit', async (event) => {
    if (!bar || !status) return;
    event.preventDefault();
    if (button) button.disabled = true;
    bar.hidden = false;
    const body = new URLSearchParams(new FormData(commit) as unknown as Record<string, string>);
    body.set('langkah', '1');
    for (;;) {
      const res = await fetch(commit.action, { method: 'POST', body, headers: { accept: 'application/json' } }).catch(() => undefined);
      const step = res?.ok ? ((await res.json()) as { done: number; total: number; finished: boolean; next: string }) : undefined;
      if (!step) {
        status.textContent = 'Penyimpanan terhenti. Muat ulang halaman: baris yang sudah tersimpan tidak akan dibuat dua kali.';
        if (button) button.disabled = false;
        return;
      }
      bar.max = step.total;
      bar.value = step.done;
      status.textContent = `Menyimpan … ${step.done.toLocaleString('id-ID')} dari ${step.total.toLocaleString('id-ID')} baris`;
      if (step.finished) {
        window.location.assign(step.next);
        return;
      }
    }
  });
}

export {};
