import { Hono } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { reportSchema } from '../../src/core/report.ts';
import { escapeHtml } from '../../src/core/text.ts';
import { parseOrThrow } from '../../src/core/validation.ts';
import { createReport } from '../../db/queries/reports.ts';
import { readBody, withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { shellPage } from '../html/shell.ts';

/** POST /api/reports: anyone reports a problem on a public profile; it lands in the staff queue. */
export function reportRoutes(deps: Required<AppDeps>) {
  return new Hono().post('/', async (c) => {
    const { data, fromForm } = await readBody(c);
    const report = parseOrThrow(reportSchema, withoutHoneypot(data));
    const row = await createReport(deps.db, report, deps.clock());
    if (!row) throw new AppError('NOT_FOUND', messages.msmeNotFound);
    c.header('cache-control', 'no-store');
    if (!fromForm) return c.json({ id: row.id, status: 'open' }, 201);
    const main = `<section class="status-page"><h1>Laporan terkirim</h1><p>${escapeHtml(messages.reportThanks)}</p><p><a class="btn" href="/umkm/${escapeHtml(report.slug)}/">Kembali ke profil</a></p></section>`;
    const url = new URL(`/umkm/${report.slug}/`, deps.config.SITE_URL).toString();
    return c.html(await shellPage(deps, c.req.raw, { title: 'Laporan terkirim', main, url }), 201);
  });
}
