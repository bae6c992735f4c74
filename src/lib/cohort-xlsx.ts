import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { cohortOutcomes } from '../../db/queries/cohorts.ts';
import { onWibClock } from '../core/dates.ts';
import { regencyName } from './labels.ts';
import { monthLabel } from './public-stats.ts';

const header = (text: string) => ({ value: text, fontWeight: 'bold' as const, wrap: true });
const COLUMNS = ['Semua', 'Diundang', 'Dikonfirmasi pemilik', 'Menunggu verifikasi', 'Tayang', 'Di marketplace', 'NIB terverifikasi', 'Tautan mati'];

/** A cohort's outcomes as XLSX: one sheet each for in all, per mentor, per kabupaten/kota and per month. */
export async function cohortWorkbook(name: string, outcomes: Awaited<ReturnType<typeof cohortOutcomes>>, at: Date): Promise<Blob> {
  const table = (title: string, rows: { label: string; f: Awaited<ReturnType<typeof cohortOutcomes>>['total'] }[]): Row[] => [
    [header(`Kohort ${name}: ${title}`)],
    ['Dibuat (WIB)', { value: onWibClock(at), type: Date, format: 'dd/mm/yyyy hh:mm' }],
    [],
    [header(title), ...COLUMNS.map(header)],
    ...rows.map(({ label, f }): Row => [label, f.total, f.invited, f.confirmed, f.pending, f.published, f.marketplace, f.nibVerified, f.deadLinks]),
  ];
  const columns = [{ width: 30 }, ...COLUMNS.map(() => ({ width: 14 }))];
  return writeXlsxFile([
    { data: table('Ringkasan', [{ label: 'Semua', f: outcomes.total }]), sheet: 'Ringkasan', columns },
    { data: table('Pendamping', outcomes.mentors.map((m) => ({ label: m.name, f: m }))), sheet: 'Per pendamping', columns },
    { data: table('Kabupaten/kota', outcomes.regencies.map((r) => ({ label: regencyName(r.key), f: r }))), sheet: 'Per kabupaten-kota', columns },
    { data: table('Bulan masuk', outcomes.months.map((m) => ({ label: monthLabel(m.key), f: m }))), sheet: 'Per bulan', columns },
  ]).toBlob();
}
