import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { insertRow } from '../../db/rows.js';
import {
  cycleEvents,
  halfYearResults,
  hotlineFeeds,
  hotlineStats,
  importBatches,
  periodWindows,
  referenceValues,
  submissions,
  supervisionItems,
  surveyCampaigns,
  taskBooks,
  taskTargets,
  verifications,
} from '../../db/schema/index.js';

/** Every row the cycle input reads, by named query; see assemble.ts for how they combine. */

/** Submitted, verified and returned values of a plan (drafts never count). */
export const reportRows = (db: Executor, planId: number) =>
  db
    .select({
      id: submissions.id,
      unitId: submissions.unitId,
      indicator: submissions.indicator,
      period: submissions.period,
      value: submissions.value,
      status: submissions.status,
      source: submissions.source,
      importBatchId: submissions.importBatchId,
      updatedAt: submissions.updatedAt,
      submittedBy: submissions.submittedBy,
    })
    .from(submissions)
    .where(
      and(eq(submissions.planId, planId), inArray(submissions.status, ['submitted', 'verified', 'returned'])),
    );

/** Passed verifications with a corrected figure, newest first per submission. */
export const corrections = (db: Executor, planId: number) =>
  db
    .select({
      id: verifications.id,
      submissionId: verifications.submissionId,
      correctedValue: verifications.correctedValue,
      verifiedAt: verifications.verifiedAt,
      verifiedBy: verifications.verifiedBy,
    })
    .from(verifications)
    .innerJoin(submissions, eq(submissions.id, verifications.submissionId))
    .where(
      and(
        eq(submissions.planId, planId),
        eq(submissions.status, 'verified'),
        eq(verifications.result, 'pass'),
      ),
    )
    .orderBy(desc(verifications.id));

/** Targets, baselines and schedules of issued task books (W10). */
export const issuedTargets = (db: Executor, planId: number) =>
  db
    .select({
      taskBookId: taskBooks.id,
      unitId: taskBooks.unitId,
      indicator: taskTargets.indicator,
      target: taskTargets.target,
      baseline: taskTargets.baseline,
      schedule: taskTargets.schedule,
    })
    .from(taskTargets)
    .innerJoin(taskBooks, eq(taskTargets.taskBookId, taskBooks.id))
    .where(and(eq(taskBooks.planId, planId), eq(taskBooks.status, 'issued')));

export const references = (db: Executor, planId: number) =>
  db.select().from(referenceValues).where(eq(referenceValues.planId, planId));

export const windows = (db: Executor, planId: number) =>
  db
    .select({ period: periodWindows.period, dueAt: periodWindows.dueAt, closed: periodWindows.closed })
    .from(periodWindows)
    .where(eq(periodWindows.planId, planId));

/**
 * What a cycle input depends on, in one cheap query: when none of it changed, a cached result is
 * still right — on this server or any other reading the same database.
 */
export async function fingerprint(db: Executor, planId: number): Promise<string> {
  const stamp = (t: { updatedAt: unknown; version?: unknown }) =>
    sql`count(*) || ':' || coalesce(max(${t.updatedAt})::text, '')${t.version ? sql` || ':' || coalesce(sum(${t.version}), 0)` : sql``}`;
  const res = await db.execute(sql`
    select concat_ws('|',
      (select ${stamp(submissions)} from ${submissions} where ${submissions.planId} = ${planId}),
      (select count(*) || ':' || coalesce(max(${verifications.id}), 0) from ${verifications}
         join ${submissions} on ${submissions.id} = ${verifications.submissionId} where ${submissions.planId} = ${planId}),
      (select ${stamp(taskBooks)} from ${taskBooks} where ${taskBooks.planId} = ${planId}),
      (select ${stamp(referenceValues)} from ${referenceValues} where ${referenceValues.planId} = ${planId}),
      (select count(*) || ':' || coalesce(sum(${cycleEvents.version}), 0) || ':' || coalesce(max(${cycleEvents.id}), 0)
         from ${cycleEvents} where ${cycleEvents.planId} = ${planId}),
      (select count(*) || ':' || coalesce(max(${importBatches.id}), 0) from ${importBatches} where ${importBatches.planId} = ${planId}),
      (select count(*) from ${halfYearResults} where ${halfYearResults.planId} = ${planId}),
      (select count(*) || ':' || coalesce(sum(${periodWindows.version}), 0) from ${periodWindows} where ${periodWindows.planId} = ${planId}),
      (select ${stamp(supervisionItems)} from ${supervisionItems} where ${supervisionItems.planId} = ${planId}),
      (select count(*) || ':' || coalesce(max(${surveyCampaigns.scoredAt})::text, '') from ${surveyCampaigns}
         where ${surveyCampaigns.planId} = ${planId} and ${surveyCampaigns.status} = 'scored'),
      (select count(*) || ':' || coalesce(max(${hotlineStats.importedAt})::text, '') || ':' || coalesce(max(${hotlineStats.id}), 0)
         from ${hotlineStats} where ${hotlineStats.planId} = ${planId}),
      (select count(*) || ':' || coalesce(max(${hotlineFeeds.id}), 0) || ':' || coalesce(string_agg(${hotlineFeeds.field} || '>' || ${hotlineFeeds.indicator}, ',' order by ${hotlineFeeds.indicator}), '')
         from ${hotlineFeeds} where ${hotlineFeeds.planId} = ${planId})
    ) as f`);
  return (res as unknown as { rows: { f: string }[] }).rows[0]?.f ?? '';
}

/** Bulk writes used where the cycle's tables are filled outside a user's import (the demo seed). */
export const insertImportBatch = (db: Executor, v: typeof importBatches.$inferInsert) =>
  insertRow(db, importBatches, v);

export async function insertReferences(db: Executor, rows: (typeof referenceValues.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(referenceValues).values(rows.slice(i, i + 1000));
}

/** Office targets of a plan's period (the demo's task books take them over). */
export const referenceTargets = (db: Executor, planId: number, period: string) =>
  db
    .select({
      unitId: referenceValues.unitId,
      indicator: referenceValues.indicator,
      target: referenceValues.target,
    })
    .from(referenceValues)
    .where(and(eq(referenceValues.planId, planId), eq(referenceValues.period, period)));
