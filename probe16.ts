import { openDb } from './db/local.ts';
import { searchSuppliers } from './db/queries/suppliers.ts';
import { searchMsmes } from './db/queries/msmes.ts';
import { parseSearchQuery } from './src/core/search.ts';
const s0 = performance.now();
const { db } = await openDb('file:/tmp/m2.db');
console.log('open+migrate', ((performance.now() - s0) / 1000).toFixed(1), 's');
const time = async (label: string, run: () => Promise<unknown>) => { for (let i = 0; i < 3; i++) await run(); const t: number[] = []; for (let i = 0; i < 20; i++) { const s = performance.now(); await run(); t.push(performance.now() - s); } t.sort((a, b) => a - b); console.log(label.padEnd(52), 'p50', t[10]!.toFixed(2), 'p95', t[19]!.toFixed(2)); };
for (const q of ['category=kuliner&verified=1', 'category=kuliner&regency=32.73', 'regency=32.73&verified=1', 'district=32.73.01&category=kuliner', 'category=kuliner&halal=1']) {
  await time(`suppliers ${q}`, () => searchSuppliers(db, parseSearchQuery(new URLSearchParams(q))));
}
for (const q of ['category=kuliner', 'regency=32.73', 'district=32.73.01']) await time(`msmes ${q}`, () => searchMsmes(db, parseSearchQuery(new URLSearchParams(q))));
