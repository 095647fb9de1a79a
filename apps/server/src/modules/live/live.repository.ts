import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  evaluationRuns,
  halfYearResults,
  planDatasets,
  submissions,
  supervisionItems,
  taskBooks,
  taskTargets,
} from '../../db/schema/index.js';

/** Submitted and verified values of a plan's year: the live inputs (drafts and returns do not count). */
export const countedValues = (db: Executor, planId: number) =>
  db
    .select({
      unitId: submissions.unitId,
      indicator: submissions.indicator,
      period: submissions.period,
      value: submissions.value,
      updatedAt: submissions.updatedAt,
    })
    .from(submissions)
    .where(and(eq(submissions.planId, planId), inArray(submissions.status, ['submitted', 'verified'])));

/** Targets and baselines of issued task books (W10). */
export const issuedTargets = (db: Executor, planId: number) =>
  db
    .select({
      unitId: taskBooks.unitId,
      indicator: taskTargets.indicator,
      target: taskTargets.target,
      baseline: taskTargets.baseline,
    })
    .from(taskTargets)
    .innerJoin(taskBooks, eq(taskTargets.taskBookId, taskBooks.id))
    .where(and(eq(taskBooks.planId, planId), eq(taskBooks.status, 'issued')));

/**
 * What the live result depends on, in one cheap query: when none of it changed, the cached result
 * is still right — on this server or any other reading the same database.
 */
export async function fingerprint(db: Executor, planId: number, period: string): Promise<string> {
  const res = await db.execute(sql`
    select concat_ws('|',
      (select count(*) || ':' || coalesce(max(${submissions.updatedAt})::text, '') || ':' || coalesce(sum(${submissions.version}), 0)
         from ${submissions} where ${submissions.planId} = ${planId}),
      (select coalesce(max(${planDatasets.version}), 0) || ':' || coalesce(max(${planDatasets.updatedAt})::text, '')
         from ${planDatasets} where ${planDatasets.planId} = ${planId} and ${planDatasets.period} = ${period}),
      (select count(*) || ':' || coalesce(max(${taskBooks.updatedAt})::text, '') || ':' || coalesce(sum(${taskBooks.version}), 0)
         from ${taskBooks} where ${taskBooks.planId} = ${planId}),
      (select count(*) from ${halfYearResults} where ${halfYearResults.planId} = ${planId}),
      (select count(*) || ':' || coalesce(max(${supervisionItems.updatedAt})::text, '') || ':' || coalesce(sum(${supervisionItems.version}), 0)
         from ${supervisionItems} where ${supervisionItems.planId} = ${planId})
    ) as f`);
  return (res as unknown as { rows: { f: string }[] }).rows[0]?.f ?? '';
}

export const findHalfYear = async (db: Executor, planId: number) =>
  (await db.select().from(halfYearResults).where(eq(halfYearResults.planId, planId)).limit(1))[0];

export const insertHalfYear = async (db: Executor, v: typeof halfYearResults.$inferInsert) =>
  (await db.insert(halfYearResults).values(v).returning())[0]!;

export const findRun = async (db: Executor, id: number) =>
  (await db.select().from(evaluationRuns).where(eq(evaluationRuns.id, id)).limit(1))[0];
