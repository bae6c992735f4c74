import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { escapeHtml } from '../../src/core/text.ts';
import type { AppDeps } from '../deps.ts';

/** The minimal page used when the built site is not at hand (the API alone, or a missing asset). */
const FALLBACK_SHELL = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Etalase Jabar</title><meta name="robots" content="noindex"></head><body><a href="/">Etalase Jabar</a><main id="main"></main></body></html>`;

/** The built page whose header, footer and scripts frame every server-rendered page. */
export const SHELL = '/shell/';

export interface ShellPage {
  title: string;
  main: string;
  /** The page's own URL, for the canonical link and Open Graph. */
  url: string;
  description?: string;
  /** Public pages may be indexed; private ones (status links) never are. */
  indexable?: boolean;
}

/**
 * A server-rendered page inside the built site's shell page, so answers without JavaScript
 * look like the rest of the portal: the shell's <main>, title, description, canonical URL
 * and robots rule are replaced.
 */
export function renderInShell(shell: string | null, page: ShellPage): string {
  const base = shell ?? FALLBACK_SHELL;
  const start = base.search(/<main\b[^>]*>/);
  const end = base.lastIndexOf('</main>');
  const withMain =
    start === -1 || end === -1
      ? FALLBACK_SHELL.replace('<main id="main"></main>', `<main id="main">${page.main}</main>`)
      : `${base.slice(0, base.indexOf('>', start) + 1)}${page.main}${base.slice(end)}`;
  const title = escapeHtml(`${page.title} · Etalase Jabar`);
  const url = escapeHtml(page.url);
  let html = withMain
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/(<meta property="og:title" content=")[^"]*"/, `$1${escapeHtml(page.title)}"`)
    .replace(/(<link rel="canonical" href=")[^"]*"/, `$1${url}"`)
    .replace(/(<meta property="og:url" content=")[^"]*"/, `$1${url}"`);
  if (page.description) {
    const description = escapeHtml(page.description);
    html = html.replace(/(<meta name="description" content=")[^"]*"/, `$1${description}"`).replace(/(<meta property="og:description" content=")[^"]*"/, `$1${description}"`);
  }
  if (page.indexable) html = html.replace(/<meta name="robots" content="noindex">/, '');
  return html;
}

/** A server-rendered page in the built shell (or another built page such as /daftar/), as HTML text. */
export async function shellPage(deps: Required<AppDeps>, request: Request, page: ShellPage, shellPath = SHELL): Promise<string> {
  return renderInShell(await deps.assets(shellPath, request), page);
}

/**
 * A private page (an owner's status link, staff pages): never cached, and its URL never sent
 * to another site as a Referer. same-origin, not no-referrer: with no-referrer Chromium sends
 * "Origin: null" on the page's own forms, which the origin checks refuse.
 */
export function privateHtml(c: Context, body: string, status: ContentfulStatusCode = 200) {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'same-origin');
  return c.html(body, status);
}
