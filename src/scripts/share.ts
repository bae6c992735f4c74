/**
 * The profile's "Bagikan" buttons that need JavaScript: the phone's own share sheet (Web
 * Share API, where there is one) and "Salin tautan". Without JavaScript both stay hidden
 * and the WhatsApp share link beside them still works.
 */
const shareStatus = document.querySelector<HTMLElement>('[data-share-status]');
const say = (text: string) => {
  if (shareStatus) shareStatus.textContent = text;
};
const url = document.querySelector<HTMLButtonElement>('[data-share-copy]')?.dataset['shareCopy'] ?? location.href;

const native = document.querySelector<HTMLButtonElement>('[data-share-native]');
if (native && typeof navigator.share === 'function') {
  native.hidden = false;
  native.addEventListener('click', () => {
    navigator.share({ title: document.title, url }).catch(() => undefined);
  });
}

const copy = document.querySelector<HTMLButtonElement>('[data-share-copy]');
if (copy && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
      say(' Tautan tersalin.');
    } catch {
      say(` Salin tautan ini: ${url}`);
    }
  });
}
export {};
