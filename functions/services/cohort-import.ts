import { and, desc, eq, inArray } from 'drizzle-orm';
import { findDuplicates } from '../../db/queries/review.ts';
import { createImportedListings } from '../../db/queries/registrations.ts';
import { cohorts, importBatches, msmes, staff } from '../../db/schema.ts';
import { batchRows, importBatch } from '../../db/queries/imports.ts';
import { duplicateReason } from '../../src/core/duplicates.ts';
import { AppError } from '../../src/core/errors.ts';
import { freeText } from '../../src/core/free-text.ts';
import { blankRow, importKeyOf, readHeader, readRow, type ImportProblem, type ImportRow } from '../../src/core/import-rows.ts';
import type { Registration } from '../../src/core/registration.ts';
import type { AppDeps } from '../deps.ts';
import { invitationTokens } from './invitations.ts';
import { readSpreadsheet } from './spreadsheet.ts';
import { actorOf, canReview, type StaffSession } from './staff.ts';

/** Rows one file may hold (a cohort of UMKM Juara is about 4,000 a year). */
export const MAX_IMPORT_ROWS = 5000;
/** Rows stored per transaction (and per step of a commit shown with progress). */
export const COMMIT_STEP = 250;

/** A row that passed, as kept between the dry run and the commit. */
interface StoredRow {
  row: number;
  registration: Registration;
  consent: ImportRow['consent'];
  mentorId: number;
  mentor: string;
  importKey: string;
}

/** What the dry run found and what the commit would do. */
export interface ImportReport {
  fileName: string;
  kind: 'xlsx' | 'csv';
  sheet?: string | undefined;
  otherSheets: string[];
  encoding?: string | undefined;
  delimiter?: string | undefined;
  /** Data rows read (blank rows left out). */
  rows: number;
  /** Problems of the file itself (missing columns, too many rows), then of each row by row and column. */
  fileProblems: string[];
  /** What the reader passed over without harm (columns it does not know). */
  notices: string[];
  problems: ImportProblem[];
  /** Rows already imported before (the same file again): skipped, nothing new. */
  alreadyImported: number[];
  /** What a commit creates: listings waiting for review (consent recorded) and invited owners (no consent yet). */
  toReview: number;
  toInvite: number;
}

const cohortName = freeText(3, 80);

/** Whether a report stops the commit: any problem of the file or of a row (notices do not). */
export const importBlocked = (report: Pick<ImportReport, 'problems' | 'fileProblems'>) => report.problems.length > 0 || report.fileProblems.length > 0;

function fail(field: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: field, message }] });
}

/**
 * The dry run: reads the upload (XLSX or CSV, see spreadsheet.ts), checks every row with the
 * registration form's rules and the consent columns, finds duplicates inside the file and
 * against the directory (the same NIB, or the same WhatsApp with a similar name), and keeps
 * the rows that passed with the report, so the commit needs no second upload. Nothing is
 * created here.
 */
export async function checkImport(deps: Required<AppDeps>, session: StaffSession, upload: { bytes: Uint8Array<ArrayBuffer>; fileName: string; cohort: unknown }) {
  const cohort = cohortName.safeParse(upload.cohort);
  if (!cohort.success) fail('kohort', 'Tulis nama kohort atau program, 3–80 karakter, misalnya "UMKM Juara 2026".');
  const sheet = await readSpreadsheet(upload.bytes, upload.fileName);
  const report: ImportReport = { fileName: upload.fileName, kind: sheet.kind, sheet: sheet.sheet, otherSheets: sheet.otherSheets, encoding: sheet.encoding, delimiter: sheet.delimiter, rows: 0, fileProblems: [], notices: [], problems: [], alreadyImported: [], toReview: 0, toInvite: 0 };
  const header = readHeader(sheet.rows[0] ?? []);
  if (header.missing.length > 0) report.fileProblems.push(`Baris 1 (judul kolom) tidak memuat kolom wajib: ${header.missing.join(', ')}. Pakai templat dari halaman ini; judul kolom ada di baris pertama.`);
  if (header.repeated.length > 0) report.fileProblems.push(`Kolom muncul dua kali di baris 1: ${header.repeated.join(', ')}. Hapus salah satunya.`);
  if (header.unknown.length > 0) report.notices.push(`Kolom yang tidak dikenal diabaikan: ${header.unknown.join(', ')}.`);
  const data = sheet.rows.map((cells, i) => ({ cells, row: i + 1 })).slice(1).filter((r) => !blankRow(r.cells));
  report.rows = data.length;
  if (data.length === 0) report.fileProblems.push('Tidak ada baris data di bawah judul kolom. Isi satu baris per usaha mulai baris 2.');
  if (data.length > MAX_IMPORT_ROWS) report.fileProblems.push(`Berkas berisi ${data.length} baris; paling banyak ${MAX_IMPORT_ROWS} per unggahan. Bagi menjadi beberapa berkas.`);

  let kept: StoredRow[] = [];
  if (report.fileProblems.length === 0) {
    const passed: StoredRow[] = [];
    for (const range of sheet.merged) {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
      report.problems.push({ row: Number(m?.[2] ?? 0), column: m?.[1] ?? '', field: 'sel', message: `Sel ${range} digabung (merge). Pisahkan selnya (Unmerge) dan isi setiap sel, lalu unggah lagi.` });
    }
    const staffRows = await deps.db.select({ id: staff.id, username: staff.username, disabledAt: staff.disabledAt }).from(staff);
    const byUsername = new Map(staffRows.filter((s) => !s.disabledAt).map((s) => [s.username, s.id]));
    for (const { cells, row } of data) {
      const read = readRow(cells, row, header.columns, sheet.formulas);
      report.problems.push(...read.problems);
      if (!read.row) continue;
      const mentor = read.row.mentor ?? session.member.username;
      const mentorId = byUsername.get(mentor);
      if (mentorId === undefined) {
        report.problems.push({ row, column: '', field: 'pendamping', message: `Pendamping "${mentor}" bukan akun petugas yang aktif. Tulis nama pengguna pendampingnya, atau kosongkan.` });
        continue;
      }
      passed.push({ row, registration: read.row.registration, consent: read.row.consent, mentorId, mentor, importKey: importKeyOf(read.row.registration) });
    }
    // Duplicates inside the file: the same NIB, or the same WhatsApp with a similar name.
    const seen = new Map<string, StoredRow[]>();
    for (const r of passed) {
      for (const key of [r.registration.nib ? `nib:${r.registration.nib}` : '', `wa:${r.registration.whatsapp}`].filter(Boolean)) {
        const earlier = seen.get(key) ?? [];
        const twin = earlier.find((e) => duplicateReason({ id: -r.row, name: r.registration.name, nib: r.registration.nib ?? null, whatsapp: r.registration.whatsapp }, { id: -e.row, name: e.registration.name, nib: e.registration.nib ?? null, whatsapp: e.registration.whatsapp }));
        if (twin) {
          report.problems.push({ row: r.row, column: '', field: key.startsWith('nib') ? 'nib' : 'whatsapp', message: `Sama dengan baris ${twin.row} (${key.startsWith('nib') ? 'NIB sama' : 'WhatsApp sama dan nama mirip'}). Hapus salah satunya.` });
          break;
        }
        seen.set(key, [...earlier, r]);
      }
    }
    // Against the directory: rows imported before are skipped; other look-alikes are problems.
    const keys = passed.map((r) => r.importKey);
    const imported = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      for (const r of await deps.db.select({ key: msmes.importKey }).from(msmes).where(inArray(msmes.importKey, keys.slice(i, i + 500)))) if (r.key) imported.add(r.key);
    }
    const fresh = passed.filter((r) => !imported.has(r.importKey));
    report.alreadyImported = passed.filter((r) => imported.has(r.importKey)).map((r) => r.row);
    for (let i = 0; i < fresh.length; i += 500) {
      const chunk = fresh.slice(i, i + 500);
      const found = await findDuplicates(deps.db, chunk.map((r) => ({ id: -r.row, name: r.registration.name, nib: r.registration.nib ?? null, whatsapp: r.registration.whatsapp })));
      for (const r of chunk) {
        const match = found.get(-r.row)?.[0];
        if (match) report.problems.push({ row: r.row, column: '', field: match.reason === 'nib' ? 'nib' : 'whatsapp', message: `Sudah ada di Etalase Jabar: "${match.name}" (${match.reason === 'nib' ? 'NIB sama' : 'WhatsApp sama dan nama mirip'}). Bila usaha yang sama, hapus barisnya; pemiliknya dapat mengubah data lewat tautan pribadinya.` });
      }
    }
    report.problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    const withProblems = new Set(report.problems.map((p) => p.row));
    kept = fresh.filter((r) => !withProblems.has(r.row));
    report.toReview = kept.filter((r) => r.consent).length;
    report.toInvite = kept.length - report.toReview;
  }
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', upload.bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  const [batch] = await deps.db
    .insert(importBatches)
    .values({ cohortName: cohort.data, staffId: session.member.id, fileName: upload.fileName.slice(0, 200), fileSha256: digest, rows: kept, report: report as unknown as Record<string, unknown>, createdAt: deps.clock() })
    .returning({ id: importBatches.id });
  return { batchId: batch!.id, report };
}

/** A batch as its page shows it, for its uploader or a reviewer. */
export async function getImportBatch(deps: Required<AppDeps>, session: StaffSession, id: string) {
  if (!/^\d{1,10}$/.test(id)) throw new AppError('NOT_FOUND', 'Unggahan ini tidak ada.');
  const batch = await importBatch(deps.db, Number(id));
  if (!batch || (batch.staffId !== session.member.id && !canReview(session))) throw new AppError('NOT_FOUND', 'Unggahan ini tidak ada, atau diunggah petugas lain.');
  return { ...batch, report: batch.report as unknown as ImportReport };
}

/** The uploads this staff member made (a reviewer sees everyone's), newest first. */
export async function recentImports(deps: Required<AppDeps>, session: StaffSession) {
  return deps.db
    .select({ id: importBatches.id, cohortName: importBatches.cohortName, fileName: importBatches.fileName, status: importBatches.status, created: importBatches.created, skipped: importBatches.skipped, createdAt: importBatches.createdAt })
    .from(importBatches)
    .where(canReview(session) ? undefined : eq(importBatches.staffId, session.member.id))
    .orderBy(desc(importBatches.id))
    .limit(20);
}

/**
 * The commit, in steps of 250 rows (one transaction each): each row becomes a listing in
 * the cohort, waiting for review when the program recorded the owner's consent (verification
 * "mentor", the consent record kept), or invited (never public until the owner confirms)
 * when not. A row imported before is skipped, so the same file twice creates nothing new.
 * `steps` bounds the work of one request (the page's script shows progress between them);
 * without it the whole batch goes at once.
 */
export async function commitImport(deps: Required<AppDeps>, session: StaffSession, id: string, steps = Infinity) {
  const batch = await getImportBatch(deps, session, id);
  if (importBlocked(batch.report)) {
    throw new AppError('CONFLICT', 'Unggahan ini masih punya masalah. Perbaiki berkasnya lalu unggah lagi; tidak ada yang disimpan.');
  }
  const now = deps.clock();
  await deps.db.insert(cohorts).values({ name: batch.cohortName, createdAt: now, createdBy: session.member.id }).onConflictDoNothing();
  const [cohort] = await deps.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.name, batch.cohortName));
  let { done, created, skipped } = batch;
  const total = batch.rowCount;
  for (let step = 0; step < steps && done < total; step++) {
    const chunk = (await batchRows(deps.db, batch.id, done, COMMIT_STEP)) as StoredRow[];
    const tokens = await invitationTokens(deps.db, chunk.map((r) => r.importKey));
    const result = await createImportedListings(
      deps.db,
      chunk.map((r) => ({
        reg: r.registration,
        options: {
          now,
          actor: actorOf(session),
          statusTokenHash: tokens.get(r.importKey)!.hash,
          status: r.consent ? 'pending' : 'invited',
          verification: r.consent ? 'mentor' : 'self',
          verifiedAt: r.consent ? now : null,
          registeredBy: r.mentorId,
          ...(r.consent ? { consentRecord: { ownerName: r.consent.ownerName, method: r.consent.method, at: r.consent.at, mentor: r.mentor }, consentAt: new Date(r.consent.at) } : { consentAt: new Date(0), invitedAt: now }),
          cohortId: cohort!.id,
          importKey: r.importKey,
        },
      })),
    );
    done += chunk.length;
    created += result.created;
    skipped += result.skipped;
    await deps.db
      .update(importBatches)
      .set({ done, created, skipped, ...(done >= total ? { status: 'committed' as const, committedAt: deps.clock() } : {}) })
      .where(and(eq(importBatches.id, batch.id)));
  }
  return { done, total, created, skipped, finished: done >= total, cohortId: cohort!.id };
}
