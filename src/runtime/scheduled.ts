import { exportOpenData } from '../../functions/services/open-data.ts';
import { checkLinks } from '../../functions/services/link-checker.ts';
import { portalRuntime } from './cloudflare.ts';

/** The Cron Triggers of wrangler.toml: which schedule runs what. */
export const CRONS = { openData: '15 17 * * *', links: '*/30 * * * *' } as const;

/**
 * What a Cron Trigger runs on Cloudflare, with the same services `npm start` and the npm
 * scripts run on Node: at 00:15 WIB (17:15 UTC) today's open-data snapshot into R2; every
 * 30 minutes up to 1,000 due store links, in at most 10 minutes, with 6 connections (a
 * Worker's limit) and well under the 10,000 subrequests of an invocation (5 hops at most
 * per link, and one database request per 100 verdicts).
 */
export async function runScheduled(cron: string, now: Date): Promise<void> {
  const { deps } = await portalRuntime();
  if (cron === CRONS.openData) {
    if (!deps.files) throw new Error('Binding R2 FILES belum dipasang: snapshot data terbuka tidak dapat disimpan.');
    const manifest = await exportOpenData({ db: deps.db, files: deps.files, site: deps.config.SITE_URL, now });
    console.log(`Data terbuka: snapshot ${manifest.date}, ${manifest.rows} usaha, ${manifest.seconds} dtk.`);
    return;
  }
  if (cron === CRONS.links) {
    const run = await checkLinks({ db: deps.db, site: deps.config.SITE_URL, limit: 1000, budgetMs: 10 * 60_000, concurrency: 6 });
    console.log(`Tautan toko: ${run.visited} diperiksa dalam ${run.seconds} dtk, ${JSON.stringify(run.found)}.`);
    return;
  }
  console.error(`Jadwal cron tidak dikenal: ${cron}`);
}
