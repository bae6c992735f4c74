import { escapeHtml } from '../../src/core/text.ts';

/** The minimal page used when the built site is not at hand (the API alone, or a missing asset). */
const FALLBACK_SHELL = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Etalase Jabar</title></head><body><a href="/">Etalase Jabar</a><main id="main"></main></body></html>`;

/**
 * A server-rendered page inside a page of the built site, so answers without JavaScript
 * look like the rest of the portal: the shell's <title> and <main> are replaced.
 */
export function renderInShell(shell: string | null, title: string, main: string): string {
  const page = shell ?? FALLBACK_SHELL;
  const start = page.search(/<main\b[^>]*>/);
  const end = page.lastIndexOf('</main>');
  const withMain =
    start === -1 || end === -1
      ? FALLBACK_SHELL.replace('<main id="main"></main>', `<main id="main">${main}</main>`)
      : `${page.slice(0, page.indexOf('>', start) + 1)}${main}${page.slice(end)}`;
  return withMain.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} · Etalase Jabar</title>`);
}
