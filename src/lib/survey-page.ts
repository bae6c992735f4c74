import { AppError, type FieldError } from '../core/errors.ts';
import { parseSearchQuery } from '../core/search.ts';
import { supplierJson } from '../core/supplier-record.ts';
import { looksLikeMarkup } from '../core/text.ts';
import { surveyGroups, surveyLines, type SurveyGroup, type SurveyLine } from '../core/survey.ts';
import { surveySuppliers } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../../functions/deps.ts';

/** The survey's own parameters besides the search's: the lines picked, and the officer's note. */
const OWN = new Set(['baris', 'catatan']);
/** The search parameters a survey takes (a product word and the filters officers use). */
const SEARCH = new Set(['q', 'category', 'regency', 'district', 'verified', 'halal', 'halal_verified', 'pirt']);
const NOTE_MAX = 300;

/**
 * /pengadaan/survei/ and its XLSX: a product word with filters, every matching product of
 * the best 100 suppliers with its unit price, grouped per kg / liter / pcs with min,
 * median and max; the lines the officer picked (`baris`) and their note (`catatan`).
 * Bad input comes back as field errors named after the form's fields; nothing runs.
 */
export async function runSurvey(deps: Required<AppDeps>, url: URL) {
  const params = url.searchParams;
  const errors: FieldError[] = [];
  const q = params.get('q')?.trim() ?? '';
  const note = params.get('catatan')?.trim() ?? '';
  // Ticked boxes come as one `baris` each; the workbook link carries them comma-separated.
  const picked = new Set(params.getAll('baris').flatMap((v) => v.split(',')).filter((id) => /^[a-z0-9-]{1,80}\.\d{1,2}$/.test(id)));
  if (note.length > NOTE_MAX) errors.push({ path: 'catatan', message: `Catatan paling banyak ${NOTE_MAX} karakter.` });
  if (looksLikeMarkup(note)) errors.push({ path: 'catatan', message: 'Catatan tidak boleh berisi tanda < atau >.' });
  const searchParams = new URLSearchParams([...params].filter(([k, v]) => SEARCH.has(k) && v.trim() !== ''));
  const asked = q !== '';
  let spec;
  try {
    spec = parseSearchQuery(searchParams);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push(...error.fields);
  }
  for (const [k] of params) if (!SEARCH.has(k) && !OWN.has(k)) errors.push({ path: k, message: `Parameter "${k}" tidak dikenal.` });
  if (!asked || !spec || errors.length > 0) return { q, note, asked, errors, lines: [] as SurveyLine[], groups: [] as SurveyGroup[], picked: [] as SurveyLine[], params: searchParams };
  const now = deps.clock();
  const suppliers = (await surveySuppliers(deps.db, spec)).map((s) => supplierJson(s, deps.config.SITE_URL));
  const lines = surveyLines(suppliers, q, now);
  const groups = surveyGroups(lines);
  return { q, note, asked, errors, lines, groups, picked: lines.filter((l) => picked.has(l.id)), params: searchParams };
}
