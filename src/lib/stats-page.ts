import type { Db } from '../../db/client.ts';
import { latestLinkRun } from '../../db/queries/link-checks.ts';
import { placeMonths } from '../../db/queries/stats.ts';
import type { Regency } from '../core/reference.ts';
import { districtFigures, monthFigures, regencyFigures, totalFigures } from './public-stats.ts';

/**
 * What /statistik shows, for the province (its kabupaten/kota) or one kabupaten/kota (its
 * kecamatan): one read of stats_monthly and the last link-check run, whatever the size.
 */
export async function statsPageData(db: Db, now: Date, regency?: Regency) {
  const [rows, linkRun] = await Promise.all([placeMonths(db, regency?.code), latestLinkRun(db)]);
  const places = regency ? districtFigures(rows, regency, now) : regencyFigures(rows, now);
  const total = totalFigures(places, regency?.code ?? '32', regency?.name ?? 'Jawa Barat');
  return { places, total, months: monthFigures(rows, now), linkRun };
}
