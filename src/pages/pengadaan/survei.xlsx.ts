import type { APIRoute } from 'astro';
import { runSurvey } from '../../lib/survey-page.ts';
import { surveyWorkbook } from '../../lib/survey-xlsx.ts';
import { surveyGroups } from '../../core/survey.ts';
import { isoWib } from '../../core/dates.ts';

/** The price survey as an XLSX workbook: the lines the officer picked (or all, when none is), with their note. */
export const prerender = false;

export const GET: APIRoute = async ({ locals, url }) => {
  const { deps } = locals.portal;
  const survey = await runSurvey(deps, url);
  if (survey.errors.length > 0 || !survey.asked) {
    const problems = survey.asked ? survey.errors.map((e) => `${e.path}: ${e.message}`) : ['q: Isi kata produk, misalnya keripik.'];
    return new Response(`Survei tidak dapat dibuat. ${problems.join(' ')}`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const lines = survey.picked.length > 0 ? survey.picked : survey.lines;
  const now = deps.clock();
  const blob = await surveyWorkbook({ q: survey.q, note: survey.note, printedAt: now, lines, groups: surveyGroups(lines) });
  const date = isoWib(now).slice(0, 10);
  return new Response(blob, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="survei-harga-${date}.xlsx"`,
      'cache-control': 'private, no-store',
    },
  });
};
