import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export interface PageBudget {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

/**
 * Lighthouse (mobile preset, simulated throttling) on each page, in Debian's Chromium
 * (CHROME_PATH or /usr/bin/chromium), with the bytes on the wire per resource type.
 */
export async function lighthouseBudgets(baseUrl: string, pages: Record<string, string>): Promise<PageBudget[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const out: PageBudget[] = [];
    for (const [page, path] of Object.entries(pages)) {
      // A cold first load can fail to paint in time on a busy 2-core machine: such a run is
      // repeated once, and a second failure is reported rather than scored as zero.
      let result = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (!result || result.lhr.runtimeError) result = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      const { categories, audits } = result.lhr;
      const items = ((audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((i) => i.url.startsWith(baseUrl));
      const bytes = (type: string) => items.filter((i) => i.resourceType === type).reduce((a, i) => a + (i.transferSize ?? 0), 0);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      out.push({
        page,
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
        cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
        htmlBytes: bytes('Document'),
        cssBytes: bytes('Stylesheet'),
        jsBytes: bytes('Script'),
        totalBytes: items.reduce((a, i) => a + (i.transferSize ?? 0), 0),
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
