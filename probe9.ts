import { openDb } from './db/local.ts';
import { searchMsmes } from './db/queries/msmes.ts';
import { searchSuppliers } from './db/queries/suppliers.ts';
import { parseSearchQuery } from './src/core/search.ts';
const { db, client } = await openDb('file:/tmp/m1.db');
const key = async (where: string, offset: number) => {
  const r = (await client.execute(`SELECT (nib_verified_at IS NOT NULL), published_at, id FROM msmes WHERE status='published' ${where} ORDER BY (nib_verified_at IS NOT NULL) DESC, published_at DESC, id DESC LIMIT 1 OFFSET ${offset}`)).rows[0]!;
  return `${r[0]}.${r[1]}.${r[2]}`;
};
const deepCat = await key("AND category='kuliner'", 39_999);
const deepReg = await key("AND regency_code='32.73'", 39_999);
const deepAll = await key('', 499_999);
const cases: [string, () => Promise<unknown>][] = [
  ['category p1', () => searchMsmes(db, parseSearchQuery(new URLSearchParams('category=kuliner')))],
  ['category after 40k', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`category=kuliner&after=${deepCat}`)))],
  ['region after 40k', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`regency=32.73&after=${deepReg}`)))],
  ['all after 500k', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`after=${deepAll}`)))],
  ['pengadaan cat+verified after 40k-ish', () => searchSuppliers(db, parseSearchQuery(new URLSearchParams(`category=kuliner&verified=1&after=${deepCat}`)))],
];
for (const [name, run] of cases) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const s = performance.now(); await run(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(name.padEnd(38), 'p50', times[15]!.toFixed(2), 'p95', times[28]!.toFixed(2), 'ms');
}
const lastCat = await key("AND category='kuliner'", 66_000);
const lastDistrict = await key("AND district_code='32.73.01'", 0);
for (const [name, run] of [
  ['category near its end', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`category=kuliner&after=${lastCat}`)))],
  ['district after first', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`district=32.73.01&after=${lastDistrict}`)))],
  ['district p1', () => searchMsmes(db, parseSearchQuery(new URLSearchParams(`district=32.73.01`)))],
] as [string, () => Promise<unknown>][]) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) { const s = performance.now(); await run(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(name.padEnd(38), 'p50', times[10]!.toFixed(2), 'p95', times[19]!.toFixed(2), 'ms');
}
