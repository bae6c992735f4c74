import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { openDb } from '../db/local.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run data:export` on a seeded database, as its own process (so its memory is its own):
 * the time, the peak memory it reports, the file sizes, and the CSV read back through a CSV
 * parser, row by row, against the count of published listings.
 */
export async function benchOpenData(databaseUrl: string) {
  const dir = mkdtempSync(join(root, '.tmp', 'open-data-'));
  try {
    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=128', '--max-semi-space-size=4', join(root, 'scripts', 'data-export.ts')], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, FILES_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`data:export berhenti dengan kode ${code}:\n${text.slice(-2000)}`))));
    });
    const seconds = (performance.now() - started) / 1000;
    const peakMB = Number(/memori puncak ([\d.]+) MB/.exec(output)?.[1] ?? NaN);
    const csvMB = Number(/CSV ([\d.]+) MB/.exec(output)?.[1] ?? NaN);
    const jsonMB = Number(/JSON ([\d.]+) MB/.exec(output)?.[1] ?? NaN);
    const file = /Berkas: (\S+\.csv\.gz)/.exec(output)?.[1];
    if (!file) throw new Error(`data:export tidak menyebut berkasnya:\n${output}`);
    let rows = 0;
    const parser = createReadStream(file).pipe(createGunzip()).pipe(parse({ columns: true }));
    for await (const _record of parser) rows++;
    const { client } = await openDb(databaseUrl);
    const published = Number((await client.execute(`SELECT count(*) FROM msmes WHERE status = 'published'`)).rows[0]![0]);
    client.close();
    return { seconds, peakMB, csvMB, jsonMB, rows, published };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
