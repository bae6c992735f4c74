import { openDb } from '../db/local.ts';
import { surveySuppliers } from '../db/queries/suppliers.ts';
import { parseSearchQuery } from '../src/core/search.ts';
import { supplierJson } from '../src/core/supplier-record.ts';
import { surveyGroups, surveyLines } from '../src/core/survey.ts';
import { surveyWorkbook } from '../src/lib/survey-xlsx.ts';
import { percentile, roundTimes } from './api.ts';

/** A product word with two filters, as officers survey prices (/pengadaan/survei/). */
const surveys = [
  'q=keripik&category=kuliner,oleh-oleh&regency=32.01',
  'q=kopi&verified=1&regency=32.05',
  'q=sambal&category=kuliner&verified=1',
  'q=dodol&regency=32.05&halal=1',
  'q=telur&verified=1&halal=1',
  'q=gula&category=oleh-oleh&regency=32.11',
];

/**
 * The price survey in process: the suppliers, their matching products and the spread per
 * unit (what the page computes before drawing it), p50/p95 over the surveys above; and the
 * XLSX workbook of 200 lines, median of 10.
 */
export async function benchSurvey(databaseUrl: string) {
  const { db, client } = await openDb(databaseUrl);
  const now = new Date('2026-11-01T00:00:00Z');
  const run = async (query: string) => {
    const spec = parseSearchQuery(new URLSearchParams(query));
    const suppliers = (await surveySuppliers(db, spec)).map((s) => supplierJson(s, 'http://localhost'));
    const lines = surveyLines(suppliers, spec.q ?? '', now);
    return { lines, groups: surveyGroups(lines) };
  };
  const times = await roundTimes(surveys, 20, run);
  // 200 lines: the products of the best matches of a common word, cut to 200.
  const { lines } = await run('q=keripik');
  const many = Array.from({ length: 200 }, (_, i) => lines[i % lines.length]!);
  const xlsx: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const blob = await surveyWorkbook({ q: 'keripik', note: 'bench', printedAt: now, lines: many, groups: surveyGroups(many) });
    bytes = blob.size;
    xlsx.push(performance.now() - started);
  }
  client.close();
  xlsx.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), xlsx200Ms: percentile(xlsx, 50), xlsx200Bytes: bytes };
}
