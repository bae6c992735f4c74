import { createClient } from '@libsql/client';
const c = createClient({ url: 'file:/tmp/m1.db' });
const m = '"keripik" AND tags : (kab3273nibok)';
const time = async (label: string, q: string) => { for (let i = 0; i < 2; i++) await c.execute({ sql: q, args: [m] }); const ts: number[] = []; let r; for (let i = 0; i < 10; i++) { const t = performance.now(); r = await c.execute({ sql: q, args: [m] }); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); console.log(label, 'median', ts[5]!.toFixed(1), 'max', ts[9]!.toFixed(1), 'rows', r!.rows.length); };
const base = (ps: boolean, window: number) => `WITH hits AS MATERIALIZED (SELECT rowid AS id FROM msme_fts WHERE msme_fts MATCH ? ORDER BY rowid DESC LIMIT ${window + 1})
    SELECT m.category AS c, m.regency_code AS r, m.district_code AS d, m.nib_verified_at IS NOT NULL AS v, m.halal_number IS NOT NULL AS h,
           ${ps ? `(SELECT group_concat(DISTINCT s.platform) FROM store_links s WHERE s.msme_id = m.id)` : `''`} AS ps, count(*) AS n,
           (SELECT count(*) FROM hits) AS full
    FROM (SELECT id FROM hits ORDER BY id DESC LIMIT ${window}) w JOIN msmes m INDEXED BY msmes_facet_idx ON m.id = w.id AND +m.status = 'published'
    GROUP BY 1, 2, 3, 4, 5, 6`;
await c.execute('CREATE INDEX IF NOT EXISTS store_links_msme_platform_idx ON store_links (msme_id, platform)');
await time('full', base(true, 1000));
const inner = (window: number) => `WITH hits AS MATERIALIZED (SELECT rowid AS id FROM msme_fts WHERE msme_fts MATCH ? ORDER BY rowid DESC LIMIT ${window + 1})
    SELECT c, r, d, v, h, ps, count(*) AS n, (SELECT count(*) FROM hits) AS full FROM (
      SELECT m.category AS c, m.regency_code AS r, m.district_code AS d, m.nib_verified_at IS NOT NULL AS v, m.halal_number IS NOT NULL AS h,
           (SELECT group_concat(platform) FROM (SELECT DISTINCT s.platform FROM store_links s WHERE s.msme_id = m.id)) AS ps
      FROM (SELECT id FROM hits ORDER BY id DESC LIMIT ${window}) w JOIN msmes m INDEXED BY msmes_facet_idx ON m.id = w.id AND +m.status = 'published')
    GROUP BY 1, 2, 3, 4, 5, 6`;
await time('inner 1000', inner(1000));
await time('inner 2000', inner(2000));
console.log((await c.execute({ sql: 'EXPLAIN QUERY PLAN ' + inner(1000), args: [m] })).rows.map(r => r[3]));
await time('no platforms', base(false, 1000));
await time('fts only', `SELECT count(*) FROM msme_fts WHERE msme_fts MATCH ?`);
console.log((await c.execute({ sql: 'EXPLAIN QUERY PLAN ' + base(true, 1000), args: [m] })).rows.map(r => r[3]));
c.close();
