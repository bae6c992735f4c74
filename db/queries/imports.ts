import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { importBatches } from '../schema.ts';

/** An upload without its rows (they can be thousands): its report, where its commit stands, and how many rows it keeps. */
export async function importBatch(db: Db, id: number) {
  const [batch] = await db
    .select({
      id: importBatches.id,
      cohortName: importBatches.cohortName,
      staffId: importBatches.staffId,
      fileName: importBatches.fileName,
      status: importBatches.status,
      report: importBatches.report,
      done: importBatches.done,
      created: importBatches.created,
      skipped: importBatches.skipped,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
      rowCount: sql<number>`json_array_length(${importBatches.rows})`,
    })
    .from(importBatches)
    .where(eq(importBatches.id, id));
  return batch ? { ...batch, rowCount: Number(batch.rowCount) } : undefined;
}

/** `count` of an upload's kept rows from `from` on, read out of its JSON by SQLite: a commit step holds only its own. */
export async function batchRows(db: Db, id: number, from: number, count: number): Promise<unknown[]> {
  const rows = await db.all<{ value: string }>(sql`SELECT j.value AS value FROM import_batches b, json_each(b.rows) j WHERE b.id = ${id} AND j.key >= ${from} AND j.key < ${from + count} ORDER BY j.key`);
  return rows.map((r) => JSON.parse(r.value) as unknown);
}
