import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import { searchMsmes } from '../../db/queries/msmes.ts';
import { searchIndexInStep } from '../../db/queries/search-index.ts';
import { parseSearchQuery } from '../../src/core/search.ts';

const dir = mkdtempSync(join(tmpdir(), 'etalase-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const indexes = async (client: Awaited<ReturnType<typeof openDb>>['client']) =>
  (await client.execute(`SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`)).rows.map((r) => `${r[0]}: ${r[1]}`);

describe('filling an empty database in bulk', () => {
  it('builds the indexes (and the filter-count triggers) at the end, the same ones the migrations made, and leaves a searchable, consistent database', async () => {
    const { db, client } = await openDb(`file:${join(dir, 'bulk.db')}`);
    const before = await indexes(client);
    const built: number[] = [];
    await seedSample(db, { total: 300, bulkFrom: 100, now: new Date('2026-11-01T00:00:00Z'), onIndex: (p) => built.push(p.done) });
    expect(built.length).toBeGreaterThan(10);
    expect(await indexes(client)).toEqual(before);
    expect((await client.execute('PRAGMA integrity_check')).rows[0]?.[0]).toBe('ok');
    expect(await searchIndexInStep(db)).toBe(true);
    // The filter counts were filled once at the end: every published listing is in them once.
    expect((await client.execute(`SELECT sum(n) FROM facet_counts WHERE platform = '' AND district_code = ''`)).rows[0]?.[0]).toBe(300);
    const browse = await searchMsmes(db, parseSearchQuery(new URLSearchParams('category=kuliner')));
    expect(browse.total).toBeGreaterThan(0);
    // A second fill adds to what is there, row by row: the database is not empty any more.
    await seedSample(db, { total: 20, bulkFrom: 10, onIndex: () => expect.unreachable() });
    expect(((await client.execute('SELECT count(*) FROM msmes')).rows[0]?.[0])).toBe(320);
    client.close();
  });
});
