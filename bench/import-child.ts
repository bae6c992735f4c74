import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/universal';
import { openDb } from '../db/local.ts';
import { createStaff } from '../db/queries/staff.ts';
import { withDefaults } from '../functions/app.ts';
import { checkImport, commitImport } from '../functions/services/cohort-import.ts';
import type { StaffSession } from '../functions/services/staff.ts';
import { importColumns } from '../src/core/import-rows.ts';
import { regencies } from '../src/core/reference.ts';
import { peakMemory } from '../scripts/peak-memory.ts';

/**
 * One measurement of `npm run bench`, in a process of its own so its memory is its own:
 * `rows` (a 5,000-row XLSX: dry run, then commit) or `bomb FILE` (an XLSX that unpacks to 1 GiB).
 * Prints one line of JSON.
 */
const what = process.argv[2] ?? 'rows';
const dir = mkdtempSync(join(tmpdir(), 'etalase-import-bench-'));
const peak = peakMemory();
try {
  const { db, client } = await openDb(`file:${join(dir, 'bench.db')}`);
  const now = new Date();
  const member = await createStaff(db, { username: 'bench', displayName: 'Bench', role: 'reviewer', password: 'kata-sandi-panjang-123' }, now);
  const deps = withDefaults({ db, config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64, WRITES_PER_MINUTE: 1000 } });
  const session: StaffSession = { member, csrfToken: 'bench' };
  let bytes: Uint8Array;
  if (what === 'bomb') {
    bytes = new Uint8Array(readFileSync(process.argv[3]!));
    peak.reset();
    const baselineMB = peak.mb();
    const started = performance.now();
    const refused = await checkImport(deps, session, { bytes: bytes as Uint8Array<ArrayBuffer>, fileName: 'bom.xlsx', cohort: 'Bench' }).then(() => 'diterima', (e: Error) => e.message);
    console.log(JSON.stringify({ bombKB: Math.round(bytes.byteLength / 1024), refused, ms: performance.now() - started, baselineMB, peakMB: peak.mb() }));
  } else {
    const n = 5000;
    const header = importColumns.map((c) => ({ value: c.header, type: String }));
    const rows = Array.from({ length: n }, (_, i) => {
      const r = regencies[i % regencies.length]!;
      const d = r.districts[i % r.districts.length]!;
      const v: Record<string, string> = {
        nama_usaha: `Usaha Bench Nomor ${i}`,
        deskripsi: 'Olahan pangan rumahan dari bahan lokal, dibuat setiap hari tanpa pengawet.',
        kategori: 'Kuliner',
        kabupaten_kota: r.name,
        kecamatan: `${d.name} (${r.name})`,
        whatsapp: `0813${String(10000000 + i).slice(-8)}`,
        tautan_toko_1: `https://shopee.co.id/usahabench${i}`,
        produk_1: 'Produk utama',
        harga_1: String(10000 + i),
        ...(i % 2 === 0 ? { nama_pemilik: 'Pemilik', cara_persetujuan: 'Lewat pesan WhatsApp', tanggal_persetujuan: '2026-11-30' } : {}),
      };
      return importColumns.map((c) => ({ value: v[c.key] ?? '', type: String }));
    });
    bytes = new Uint8Array(await (await writeXlsxFile([{ data: [header, ...rows], sheet: 'UMKM' }]).toBlob()).arrayBuffer());
    peak.reset();
    const baselineMB = peak.mb();
    let started = performance.now();
    const { batchId, report } = await checkImport(deps, session, { bytes: bytes as Uint8Array<ArrayBuffer>, fileName: 'bench.xlsx', cohort: 'Bench' });
    const dryRunMs = performance.now() - started;
    if (report.problems.length > 0) throw new Error(`baris bermasalah: ${JSON.stringify(report.problems.slice(0, 3))}`);
    started = performance.now();
    const steps: number[] = [];
    for (;;) {
      const t = performance.now();
      const step = await commitImport(deps, session, String(batchId), 1);
      steps.push(performance.now() - t);
      if (step.finished) {
        console.log(JSON.stringify({ rows: n, fileKB: Math.round(bytes.byteLength / 1024), dryRunMs, commitMs: performance.now() - started, slowestStepMs: Math.max(...steps), created: step.created, baselineMB, peakMB: peak.mb() }));
        break;
      }
    }
  }
  client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
