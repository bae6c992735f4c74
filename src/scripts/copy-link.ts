/**
 * "Salin tautan" beside a private link: copies the link and says so. The button stays hidden
 * without JavaScript (the link field can still be selected and copied by hand).
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-button]')) {
  const field = button.parentElement?.querySelector<HTMLInputElement>('[data-copy-source]');
  if (!field) continue;
  button.hidden = false;
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'copy-status';
  button.after(status);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = ' Tautan tersalin.';
    } catch {
      field.select();
      status.textContent = ' Tautan sudah dipilih: tekan lama lalu pilih Salin.';
    }
  });
}
