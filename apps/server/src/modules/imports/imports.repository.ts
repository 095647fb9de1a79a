import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { insertRow, rowsWhere } from '../../db/rows.js';
import { importBatches, referenceValues, submissionHistory, submissions } from '../../db/schema/index.js';

export type BatchRow = typeof importBatches.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;
export type NewReference = typeof referenceValues.$inferInsert;
export type NewHistory = typeof submissionHistory.$inferInsert;

/** Rows per statement: well below PostgreSQL's 65 535 parameters for the widest table here. */
const CHUNK = 1000;
const chunks = <T>(rows: T[]) => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
};

export const insertBatch = (db: Executor, v: typeof importBatches.$inferInsert) =>
  insertRow(db, importBatches, v);

/** The import batches of a plan, newest first. */
export const listBatches = (db: Executor, planId: number) =>
  rowsWhere(
    db,
    importBatches,
    eq(importBatches.planId, planId),
    desc(importBatches.createdAt),
    desc(importBatches.id),
  );

/**
 * Write imported values: a new slot is inserted (version 1), an existing one — whatever its status,
 * a verified value too — takes the imported value as `submitted` with the next version, so a stale
 * edit of the unit fails its version check. The earlier states stay in submission_history (the
 * caller adds the import's own history row), so overwriting a verified value never loses it (G5).
 */
export async function upsertImportedSubmissions(db: Executor, rows: NewSubmission[]) {
  const out: { id: number; value: number | null; status: string }[] = [];
  for (const part of chunks(rows))
    out.push(
      ...(await db
        .insert(submissions)
        .values(part)
        .onConflictDoUpdate({
          target: [submissions.planId, submissions.unitId, submissions.indicator, submissions.period],
          set: {
            value: sql`excluded.value`,
            measureUnit: sql`coalesce(excluded.measure_unit, ${submissions.measureUnit})`,
            status: sql`excluded.status`,
            source: sql`excluded.source`,
            importBatchId: sql`excluded.import_batch_id`,
            returnReason: null,
            submittedAt: sql`excluded.submitted_at`,
            submittedBy: sql`excluded.submitted_by`,
            verifiedAt: null,
            verifiedBy: null,
            updatedAt: sql`excluded.updated_at`,
            version: sql`${submissions.version} + 1`,
          },
        })
        .returning({ id: submissions.id, value: submissions.value, status: submissions.status })),
    );
  return out;
}

export async function insertHistory(db: Executor, rows: NewHistory[]) {
  for (const part of chunks(rows)) await db.insert(submissionHistory).values(part);
}

/**
 * Write office reference figures of (unit, indicator, period): the figures the file gives replace
 * the stored ones, those it leaves out are kept (a file of targets does not erase baselines).
 */
export async function upsertReferences(db: Executor, rows: NewReference[]) {
  const keep = (col: string, c: unknown) => sql`coalesce(${sql.raw(`excluded.${col}`)}, ${c})`;
  for (const part of chunks(rows))
    await db
      .insert(referenceValues)
      .values(part)
      .onConflictDoUpdate({
        target: [
          referenceValues.planId,
          referenceValues.period,
          referenceValues.unitId,
          referenceValues.indicator,
        ],
        set: {
          target: keep('target', referenceValues.target),
          baseline: keep('baseline', referenceValues.baseline),
          baseValue: keep('base_value', referenceValues.baseValue),
          peerValue: keep('peer_value', referenceValues.peerValue),
          peerBaseValue: keep('peer_base_value', referenceValues.peerBaseValue),
          scores: keep('scores', referenceValues.scores),
          importBatchId: sql`excluded.import_batch_id`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
}
