import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { reportSchema } from '../../src/core/report.ts';
import { parseOrThrow } from '../../src/core/validation.ts';
import { createReport } from '../../db/queries/reports.ts';
import { withoutHoneypot } from '../body.ts';
import type { AppDeps } from '../deps.ts';

/** Anyone reports a problem on a public profile (honeypot and fields checked); it lands in the staff queue. */
export async function reportProblem(deps: Required<AppDeps>, data: Record<string, unknown>) {
  const report = parseOrThrow(reportSchema, withoutHoneypot(data));
  const row = await createReport(deps.db, report, deps.clock());
  if (!row) throw new AppError('NOT_FOUND', messages.msmeNotFound);
  return { id: row.id, slug: report.slug };
}
