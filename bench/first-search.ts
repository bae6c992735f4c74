import { launchChromium } from '../test/e2e/browser.ts';

/**
 * What a phone really fetches for a first search: open the home page with an empty cache,
 * type a keyword in its search box, send it, wait for the results. Sums the bytes on the
 * wire (compressed bodies plus headers) of every response, as Chromium reports them, per
 * type. With JavaScript off too: the results come from the server either way.
 */
export async function firstSearchBytes(baseUrl: string, keyword: string, options: { javaScript?: boolean } = {}) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
    await context.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
    const page = await context.newPage();
    const byType = new Map<string, number>();
    const pending: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((sizes) => {
          const url = request.url();
          const kind = url.includes('/pagefind/') ? 'pagefind' : url.endsWith('.css') ? 'css' : url.endsWith('.js') ? 'js' : url.endsWith('.svg') ? 'svg' : 'html';
          byType.set(kind, (byType.get(kind) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize);
        }),
      );
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByRole('searchbox').fill(keyword);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL(/\/cari\/\?q=/);
    await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const results = await page.locator('[data-search-results] li.card').count();
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    return { total, byType: Object.fromEntries(byType), results };
  } finally {
    await browser.close();
  }
}
