import { launchChromium } from '../test/e2e/browser.ts';

/**
 * What a browser really fetches for a first search: open /cari/ with an empty cache, type
 * a keyword, wait for results. Sums the bytes on the wire (compressed bodies plus headers)
 * of every response, as Chromium reports them, the search worker's included.
 */
export async function firstSearchBytes(baseUrl: string, keyword: string) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await context.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
    const page = await context.newPage();
    const byType = new Map<string, number>();
    const pending: Promise<void>[] = [];
    // Requests of Pagefind's web worker arrive here too, unlike a page-only CDP session.
    context.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((sizes) => {
          const url = request.url();
          const kind = url.includes('/pagefind/') ? 'pagefind' : url.endsWith('.css') ? 'css' : url.endsWith('.js') ? 'js' : 'html';
          byType.set(kind, (byType.get(kind) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
        }),
      );
    });
    await page.goto(`${baseUrl}/cari/`, { waitUntil: 'networkidle' });
    await page.getByRole('searchbox').fill(keyword);
    await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const results = await page.locator('[data-search-results] li').count();
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    return { total, byType: Object.fromEntries(byType), results };
  } finally {
    await browser.close();
  }
}
