import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));

function run(args: string[]): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=128', '--max-semi-space-size=4', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | string>) : reject(new Error(`bench impor (${args[0]}) gagal:\n${out.slice(-2000)}`))));
  });
}

/**
 * The cohort import at 5,000 rows (dry run, then commit in 250-row steps) and a zip bomb (1 MB
 * that unpacks to 1 GiB, made here so the measured process only reads it), each in a process
 * of its own whose peak memory is the kernel's count.
 */
export async function benchImport() {
  const dir = mkdtempSync(join(tmpdir(), 'etalase-bomb-'));
  try {
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(1024 * 1024 * 1024) }, { level: 9 });
    const bomb = join(dir, 'bom.xlsx');
    writeFileSync(bomb, bytes);
    // The same bomb with the sizes in its local headers zeroed: only counting while unpacking stops it.
    for (let i = 0; i + 30 < bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) bytes.fill(0, i + 22, i + 26);
    const lying = join(dir, 'bom-bohong.xlsx');
    writeFileSync(lying, bytes);
    return { rows: await run(['rows']), bomb: await run(['bomb', bomb]), lyingBomb: await run(['bomb', lying]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
