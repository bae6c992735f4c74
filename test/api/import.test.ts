import { and, eq, sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { freshApp, onEdge, staffBrowser, type Target } from '../helpers.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { auditLog, cohorts, importBatches, msmes } from '../../db/schema.ts';
import { importColumns } from '../../src/core/import-rows.ts';

/** A program's cohort from a spreadsheet, through /admin/impor as staff use it, and the owners it invites. */
const now = new Date('2026-12-01T03:00:00Z');
const { app, db } = await freshApp({ now: () => now });
const PASSWORD = 'kata-sandi-panjang-123';
await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: PASSWORD }, now);
await createStaff(db, { username: 'asep', displayName: 'Asep Mentor', role: 'mentor', password: PASSWORD }, now);

async function signIn(target: Target, username: string) {
  const staff = await staffBrowser(target, username, PASSWORD);
  return {
    ...staff,
    upload: (bytes: Uint8Array, name: string, cohort = 'UMKM Juara 2026') => {
      const form = new FormData();
      form.set('csrf', staff.csrf);
      form.set('kohort', cohort);
      form.set('berkas', new File([bytes as Uint8Array<ArrayBuffer>], name));
      return target.request('/admin/impor', { method: 'POST', headers: { origin: target.origin, cookie: staff.cookie }, body: form });
    },
  };
}

const header = importColumns.map((c) => c.header);
const base = (i: number): Record<string, string> => ({
  nama_usaha: `Keripik Impor Nomor ${i}`,
  deskripsi: 'Keripik singkong pedas dari kebun sendiri, digoreng setiap pagi tanpa pengawet.',
  kategori: 'Kuliner',
  kabupaten_kota: 'Kabupaten Garut',
  kecamatan: 'Tarogong Kidul (Kabupaten Garut)',
  whatsapp: `0812${String(7000000 + i).padStart(7, '0')}`,
  tautan_toko_1: `https://shopee.co.id/keripikimpor${i}`,
  produk_1: 'Keripik singkong 250 g',
  harga_1: '12000',
  satuan_1: '250 g',
});
const withConsent = (r: Record<string, string>) => ({ ...r, nama_pemilik: 'Ibu Pemilik', cara_persetujuan: 'Langsung, bertatap muka', tanggal_persetujuan: '28/11/2026' });

/** Rows as CSV, `;` and CRLF, in Windows-1252 when asked (an "é" shows whether it was read right). */
function csv(rows: Record<string, string>[], encoding: 'utf-8' | 'windows-1252' = 'utf-8'): Uint8Array {
  const line = (cells: string[]) => cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
  const text = [line(header), ...rows.map((r) => line(header.map((h) => r[h] ?? '')))].join('\r\n') + '\r\n';
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  return Uint8Array.from([...text].map((c) => (c === 'é' ? 0xe9 : c.charCodeAt(0))));
}

const reportOf = async (res: Response) => {
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/admin\/impor\/\d+$/);
  return location;
};

const reviewer = await signIn(app, 'rina');
const countAll = async () => Number((await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM msmes`))[0]!.n);

describe('the cohort template', () => {
  it('is an XLSX with the columns, an example row, the lists and drop-down validations on them', async () => {
    const res = await reviewer.get('/admin/impor/templat?format=xlsx');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const sheets = await readXlsxFile(bytes.slice().buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['UMKM', 'Daftar', 'Petunjuk']);
    expect(sheets[0]!.data[0]!.map((h) => String(h).replace('*', ''))).toEqual(header);
    expect(sheets[1]!.data.map((r) => r[2]).filter(Boolean)).toHaveLength(1 + 627);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).toMatch(/<dataValidations count="7">/);
    expect(xml).toContain('<formula1>Daftar!$C$2:$C$628</formula1>');
    const csvTemplate = await (await reviewer.get('/admin/impor/templat?format=csv')).text();
    expect(csvTemplate.replace('\ufeff', '').split('\r\n')[0]).toBe(header.join(';'));
  });
});

describe('importing a cohort', () => {
  let first = '';
  it('checks a Windows-1252 CSV, names every problem by row and column, and stores nothing', async () => {
    const before = await countAll();
    const rows = [withConsent(base(1)), base(2), { ...base(3), whatsapp: '12345' }, { ...base(4), kecamatan: 'Coblong (Kota Bandung)' }, { ...base(5), nama_usaha: 'Café Ké' }, { ...base(6), nib: '2.78859E+11' }, { ...base(7), whatsapp: base(2).whatsapp!, nama_usaha: 'Keripik Impor Nomor 2!' }];
    const location = await reportOf(await reviewer.upload(csv(rows, 'windows-1252'), 'kohort.csv'));
    const page = await (await reviewer.get(location)).text();
    expect(page).toContain('Perbaiki dulu berkasnya');
    expect(page).toContain('CSV windows-1252, pemisah &quot;;&quot;');
    expect(page).toMatch(/<tr data-row="4" data-column="whatsapp"><td>4<\/td><td>H \(whatsapp\)<\/td>/);
    expect(page).toMatch(/<tr data-row="5" data-column="kecamatan">/);
    expect(page).toMatch(/<tr data-row="7" data-column="nib">[\s\S]*?Format kolom NIB sebagai Teks/);
    expect(page).toMatch(/<tr data-row="8" data-column="whatsapp">[\s\S]*?Sama dengan baris 3/);
    expect(page).not.toContain('data-row="6"');
    expect(page).not.toContain('data-commit');
    expect(await countAll()).toBe(before);
    // The stored report still refuses a commit.
    const id = location.split('/').at(-1)!;
    const refused = await reviewer.post(`/admin/impor/${id}/simpan`, {});
    expect(refused.status).toBe(409);
    expect(await countAll()).toBe(before);
  });

  it('commits a clean file: consent rows wait for review, the others are invited; nothing public', async () => {
    const rows = [withConsent(base(1)), withConsent(base(2)), base(3), { ...base(5), nama_usaha: 'Café Ké Impor' }];
    first = await reportOf(await reviewer.upload(csv(rows, 'windows-1252'), 'kohort-bersih.csv'));
    const page = await (await reviewer.get(first)).text();
    expect(page).toContain('Siap disimpan');
    expect(page).toContain('<strong>2</strong> masuk antrean verifikasi');
    expect(page).toContain('<strong>2</strong> pemilik diundang');
    const id = first.split('/').at(-1)!;
    // Step by step, as the page's script commits (JSON with the progress).
    const step = await reviewer.post(`/admin/impor/${id}/simpan`, { langkah: '1' });
    expect(step.status).toBe(200);
    expect(await step.json()).toEqual(expect.objectContaining({ done: 4, total: 4, created: 4, skipped: 0, finished: true }));
    const stored = await db.select().from(msmes).where(sql`${msmes.importKey} IS NOT NULL`).orderBy(msmes.name);
    expect(stored.map((m) => [m.name, m.status])).toEqual([
      ['Café Ké Impor', 'invited'],
      ['Keripik Impor Nomor 1', 'pending'],
      ['Keripik Impor Nomor 2', 'pending'],
      ['Keripik Impor Nomor 3', 'invited'],
    ]);
    const pending = stored.find((m) => m.status === 'pending')!;
    expect(pending.verification).toBe('mentor');
    expect(pending.consentRecord).toEqual({ ownerName: 'Ibu Pemilik', method: 'tatap-muka', at: '2026-11-28T00:00:00.000Z', mentor: 'rina' });
    const [cohort] = await db.select().from(cohorts);
    expect(cohort?.name).toBe('UMKM Juara 2026');
    expect(stored.every((m) => m.cohortId === cohort!.id)).toBe(true);
    expect((await reviewer.get(first).then((r) => r.text()))).toContain('<strong>4</strong> usaha baru tersimpan');
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'import'));
    expect(audit).toHaveLength(4);
  });

  it('creates nothing new when the same file comes again', async () => {
    const rows = [withConsent(base(1)), withConsent(base(2)), base(3), { ...base(5), nama_usaha: 'Café Ké Impor' }];
    const before = await countAll();
    const location = await reportOf(await reviewer.upload(csv(rows, 'windows-1252'), 'kohort-bersih.csv'));
    const page = await (await reviewer.get(location)).text();
    expect(page).toContain('<strong>4</strong> sudah diimpor sebelumnya');
    const commit = await reviewer.post(`${location}/simpan`, {});
    expect(commit.status).toBe(303);
    expect(await countAll()).toBe(before);
  });

  it('shows the cohort with its counts, and one-tap WhatsApp invitations whose links work', async () => {
    const [cohort] = await db.select().from(cohorts);
    const page = await (await reviewer.get(`/admin/kohort/${cohort!.id}`)).text();
    expect(page).toContain('<strong>4</strong> usaha');
    expect(page).toContain('<strong>2</strong> diundang, belum menjawab');
    const chats = [...page.matchAll(/href="(https:\/\/wa\.me\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(chats).toHaveLength(4);
    const links = await (await reviewer.get(`/admin/kohort/${cohort!.id}?unduh=undangan`)).text();
    const tokens = [...links.matchAll(/\/status\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
    expect(new Set(tokens).size).toBe(4);
    const invitedChat = chats.find((c) => decodeURIComponent(c).includes('belum tampil'))!;
    const token = /\/status\/([A-Za-z0-9_-]{43})/.exec(decodeURIComponent(invitedChat))![1]!;
    // The owner opens it, sees the program and what was filled in, and confirms.
    const status = await (await app.request(`/status/${token}`)).text();
    expect(status).toContain('Menunggu konfirmasi Anda');
    expect(status).toContain('Program: <strong>UMKM Juara 2026</strong>');
    const withoutTick = await app.request(`/status/${token}/konfirmasi`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.origin }, body: '' });
    expect(withoutTick.status).toBe(422);
    const confirmed = await app.request(`/status/${token}/konfirmasi`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.origin }, body: 'consent=1' });
    expect(confirmed.status).toBe(303);
    const [row] = await db.select().from(msmes).where(eq(msmes.statusTokenHash, await sha256(token)));
    expect(row!.status).toBe('pending');
    // The Worker keeps its own clock; in process the test's.
    if (!onEdge) expect(row!.confirmedAt?.getTime()).toBe(now.getTime());
    else expect(row!.confirmedAt).not.toBeNull();
    // The other invited owner declines: the data is erased.
    const other = tokens.find((t) => t !== token && links.includes(`${t}`) && links.split('\r\n').find((l) => l.includes(t))?.includes('Diundang'))!;
    const declined = await app.request(`/status/${other}/tolak`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.origin }, body: '' });
    expect(declined.status).toBe(303);
    const [gone] = await db.select().from(msmes).where(eq(msmes.statusTokenHash, await sha256(other)));
    expect([gone!.status, gone!.whatsapp, gone!.name]).toEqual(['removed', '', 'Listing dihapus']);
    const after = await (await reviewer.get(`/admin/kohort/${cohort!.id}`)).text();
    expect(after).toContain('<strong>3</strong> usaha');
    expect(after).toContain('<strong>0</strong> diundang, belum menjawab');
    expect(after).toContain('<strong>1</strong> dikonfirmasi pemilik');
    const xlsx = await reviewer.get(`/admin/kohort/${cohort!.id}?unduh=xlsx`);
    const sheets = await readXlsxFile(await xlsx.arrayBuffer());
    expect(sheets[0]!.data.at(-1)!.slice(0, 3)).toEqual(['Semua', 3, 0]);
  });

  it('never shows an invited listing in public', async () => {
    const [invited] = await db.select().from(msmes).where(eq(msmes.status, 'pending')).limit(1);
    expect((await app.request(`/umkm/${invited!.slug}/`)).status).toBe(404);
  });
});

async function sha256(token: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An XLSX made by write-excel-file, then changed in its sheet XML as some offices' files are. */
async function xlsx(rows: Record<string, string>[], change: (sheetXml: string) => string = (x) => x, extraSheet = false) {
  const data = [header.map((h) => ({ value: h, type: String })), ...rows.map((r) => header.map((h) => ({ value: r[h] ?? '', type: String })))];
  const blob = await writeXlsxFile(extraSheet ? [{ data, sheet: 'UMKM' }, { data: [[{ value: 'catatan', type: String }]], sheet: 'Catatan' }] : [{ data, sheet: 'UMKM' }]).toBlob();
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  files['xl/worksheets/sheet1.xml'] = strToU8(change(strFromU8(files['xl/worksheets/sheet1.xml']!)));
  return zipSync(files);
}

describe('files from real offices', () => {
  it('reads an XLSX with another sheet, and names formula and merged cells', async () => {
    const file = await xlsx([base(20), base(21)], (x) => x.replace(/(<c r="B2"[^>]*>)/, '$1<f>CONCATENATE("a","b")</f>').replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="C3:D3"/></mergeCells>'), true);
    const location = await reportOf(await reviewer.upload(file, 'kohort.xlsx'));
    const page = await (await reviewer.get(location)).text();
    expect(page).toContain('XLSX, lembar &quot;UMKM&quot;');
    expect(page).toContain('Lembar lain tidak dibaca: Catatan.');
    expect(page).toMatch(/<tr data-row="2" data-column="deskripsi">[\s\S]*?rumus/);
    expect(page).toMatch(/<tr data-row="3" data-column="sel">[\s\S]*?C3:D3 digabung/);
  });

  it.each([
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'data.xls', 'Berkas Excel lama (.xls)'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7 ...'), 'data.pdf', 'Ini berkas PDF'],
    ['an empty file', new Uint8Array(0), 'kosong.csv', 'Pilih berkas templat'],
    ['a truncated XLSX', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), 'rusak.xlsx', 'bukan buku kerja Excel'],
    ['a CSV without the columns', new TextEncoder().encode('nama;kota\r\nA;B\r\n'), 'lain.csv', 'tidak memuat kolom wajib'],
  ])('refuses %s with what to do, storing nothing', async (_label, bytes, name, message) => {
    const batches = (await db.select().from(importBatches)).length;
    const res = await reviewer.upload(bytes, name);
    if (res.status === 303) {
      // A file that reads but holds no usable rows gets a report that cannot be committed.
      const page = await (await reviewer.get(res.headers.get('location')!)).text();
      expect(page).toContain(message);
      expect(page).not.toContain('data-commit');
      return;
    }
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(message);
    expect((await db.select().from(importBatches)).length).toBe(batches);
  });

  it.each([false, true])('refuses a zip bomb (its sizes hidden: %s) by what it unpacks to', async (lying) => {
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(160 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    if (lying) hideSizes(bomb);
    const res = await reviewer.upload(bomb, 'bom.xlsx');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('membengkak lebih dari 100 MB');
  }, 60_000);

  it.skipIf(onEdge)('refuses a 50 MB file while it arrives', async () => {
    const res = await reviewer.upload(new Uint8Array(50 * 1024 * 1024).fill(65), 'besar.csv');
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Berkas terlalu besar (maksimal 10 MB)');
  }, 60_000);

  it('needs a cohort name, a signed-in staff member, and the form token', async () => {
    const res = await reviewer.upload(csv([base(30)]), 'a.csv', 'x');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Tulis nama kohort');
    expect((await app.request('/admin/impor')).status).toBe(303);
    const form = new FormData();
    form.set('kohort', 'UMKM Juara 2026');
    form.set('berkas', new File([csv([base(31)]) as Uint8Array<ArrayBuffer>], 'a.csv'));
    const noToken = await app.request('/admin/impor', { method: 'POST', headers: { origin: app.origin }, body: form });
    expect([401, 403]).toContain(noToken.status);
  });

  it('lets a mentor import for their own owners, and see only their uploads', async () => {
    const mentor = await signIn(app, 'asep');
    const location = await reportOf(await mentor.upload(csv([withConsent(base(40))]), 'binaan.csv', 'UMKM Juara 2026'));
    expect((await mentor.get(location)).status).toBe(200);
    expect((await mentor.get(first_batch())).status).toBe(404);
    expect((await mentor.post(`${location}/simpan`, {})).status).toBe(303);
    const [row] = await db.select().from(msmes).where(and(eq(msmes.name, 'Keripik Impor Nomor 40')));
    const [asep] = await db.all<{ id: number }>(sql`SELECT id FROM staff WHERE username = 'asep'`);
    expect(row?.registeredBy).toBe(asep!.id);
  });
});

const first_batch = () => '/admin/impor/1';

/** Zeroes the uncompressed size in every local file header, as a bomb that lies about itself does. */
function hideSizes(zip: Uint8Array) {
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4) zip.fill(0, i + 22, i + 26);
  }
}
