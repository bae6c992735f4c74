import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/local.ts';
import { seedSample } from '../../db/seed/insert.ts';
import type { Db } from '../../db/client.ts';
import { judgedListings, relevanceCases, relevanceFigures, runCase, RELEVANCE_NOW, RELEVANCE_SEED, RELEVANCE_SIZE, type CaseOutcome, type Judged } from '../fixtures/relevance.ts';

let db: Db;
let listings: Map<number, Judged>;
const outcomes: CaseOutcome[] = [];

beforeAll(async () => {
  ({ db } = await openDb('file::memory:'));
  await seedSample(db, { total: RELEVANCE_SIZE, seed: RELEVANCE_SEED, now: RELEVANCE_NOW });
  listings = await judgedListings(db);
  for (const c of relevanceCases) outcomes.push(await runCase(db, listings, c));
}, 120_000);

const label = (o: CaseOutcome) => `${o.case.q}${o.case.with ? ` ${JSON.stringify(o.case.with)}` : ''}`;

describe('the relevance set', () => {
  it('has at least 60 queries, each judged against listings the sample really holds', () => {
    expect(relevanceCases.length).toBeGreaterThanOrEqual(60);
    for (const o of outcomes) if (o.case.wanted) expect(o.wantedInSample, label(o)).toBeGreaterThan(0);
  });

  it('puts a wanted listing first: mean reciprocal rank ≥ 0.9, precision@5 ≥ 0.9', () => {
    const figures = relevanceFigures(outcomes);
    const weak = outcomes.filter((o) => (o.reciprocalRank ?? 1) < 1 || (o.precisionAt5 ?? 1) < 1).map((o) => `${label(o)}: RR ${o.reciprocalRank?.toFixed(2)} P@5 ${o.precisionAt5?.toFixed(2)} [${o.shown.slice(0, 5).map((l) => l.name).join('; ')}]`);
    expect(figures.mrr, weak.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(figures.precisionAt5, weak.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it.each(relevanceCases.map((c) => [c.q, c] as const))('"%s" shows nothing it must not', (_q, c) => {
    const o = outcomes.find((x) => x.case === c)!;
    expect(o.unwantedShown.map((l) => `${l.name} (${l.category}, ${l.regency})`)).toEqual([]);
    if (!c.wanted) expect(o.total).toBe(0);
    if (c.meant) expect(o.meant).toBe(c.meant);
  });
});
