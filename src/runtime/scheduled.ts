import { exportOpenData } from '../../functions/services/open-data.ts';
import { portalRuntime } from './cloudflare.ts';

/** The Cron Triggers of wrangler.toml: which schedule runs what. */
export const CRONS = { openData: '15 17 * * *' } as const;

/**
 * What a Cron Trigger runs on Cloudflare, with the same services `npm start` and the npm
 * scripts run on Node: at 00:15 WIB (17:15 UTC) today's open-data snapshot into R2.
 */
export async function runScheduled(cron: string, now: Date): Promise<void> {
  const { deps } = await portalRuntime();
  if (cron === CRONS.openData) {
    if (!deps.files) throw new Error('Binding R2 FILES belum dipasang: snapshot data terbuka tidak dapat disimpan.');
    const manifest = await exportOpenData({ db: deps.db, files: deps.files, site: deps.config.SITE_URL, now });
    console.log(`Data terbuka: snapshot ${manifest.date}, ${manifest.rows} usaha, ${manifest.seconds} dtk.`);
    return;
  }
  console.error(`Jadwal cron tidak dikenal: ${cron}`);
}
