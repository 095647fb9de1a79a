import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  byId,
  columnsEqual,
  countWhere,
  firstRow,
  insertRow,
  rowsIn,
  rowsWhere,
  versionedUpdate,
} from '../../db/rows.js';
import { evidenceFiles, grants, submissionHistory, submissions, users } from '../../db/schema/index.js';

export type SubmissionRow = typeof submissions.$inferSelect;
export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;

export const findSubmission = byId(submissions);

/** The slot of a (plan, unit, indicator, period); the caller may pass a whole body, only these four are matched. */
export const findSlot = (
  db: Executor,
  {
    planId,
    unitId,
    indicator,
    period,
  }: { planId: number; unitId: number; indicator: string; period: string },
) => firstRow(db, submissions, columnsEqual(submissions, { planId, unitId, indicator, period }));

export const listForPeriod = (db: Executor, planId: number, period: string) =>
  rowsWhere(
    db,
    submissions,
    and(eq(submissions.planId, planId), eq(submissions.period, period)),
    asc(submissions.unitId),
    asc(submissions.indicator),
  );

export const insertSubmission = (db: Executor, v: typeof submissions.$inferInsert) =>
  insertRow(db, submissions, v);

/** Bulk insert (demo seed); returns the rows. */
export const insertSubmissions = (db: Executor, v: NewSubmission[]) =>
  db.insert(submissions).values(v).returning();

/** Bulk insert skipping slots that already hold a value (demo seed). */
export const insertSubmissionsOnce = (db: Executor, v: NewSubmission[]) =>
  db.insert(submissions).values(v).onConflictDoNothing();

/** How many submissions a plan holds. */
export const countOfPlan = (db: Executor, planId: number) =>
  countWhere(db, submissions, eq(submissions.planId, planId));

/** Versioned update; undefined when someone else saved first. */
export const updateSubmission = versionedUpdate(submissions);

export const insertHistory = (db: Executor, v: (typeof submissionHistory.$inferInsert)[]) =>
  v.length ? db.insert(submissionHistory).values(v) : Promise.resolve();

export const listHistory = (db: Executor, submissionId: number) =>
  rowsWhere(
    db,
    submissionHistory,
    eq(submissionHistory.submissionId, submissionId),
    desc(submissionHistory.id),
  );

// --- evidence --------------------------------------------------------------------------------------

export const insertEvidence = (db: Executor, v: typeof evidenceFiles.$inferInsert) =>
  insertRow(db, evidenceFiles, v);

export const findEvidence = byId(evidenceFiles);

export const findEvidenceBySha = (db: Executor, ownerType: string, ownerId: number, sha256: string) =>
  firstRow(db, evidenceFiles, columnsEqual(evidenceFiles, { ownerType, ownerId, sha256 }));

export const listEvidence = (db: Executor, ownerType: string, ownerIds: number[]) =>
  rowsIn(db, evidenceFiles, evidenceFiles.ownerId, ownerIds, {
    also: eq(evidenceFiles.ownerType, ownerType),
    order: asc(evidenceFiles.id),
  });

/** How many evidence files each owner of `ownerIds` holds; an owner without any is absent. */
export async function evidenceCounts(db: Executor, ownerType: string, ownerIds: number[]) {
  if (ownerIds.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ ownerId: evidenceFiles.ownerId, n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.ownerType, ownerType), inArray(evidenceFiles.ownerId, ownerIds)))
    .groupBy(evidenceFiles.ownerId);
  return new Map(rows.map((r) => [r.ownerId, r.n]));
}

// --- who provides what, and the calendar -------------------------------------------------------------

/** Indicator refs of every active data provider (Z4): those indicators are provider-owned. */
export async function providerRefs(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ refs: grants.refs })
    .from(grants)
    .innerJoin(users, eq(grants.userId, users.id))
    .where(and(eq(grants.role, 'provider'), eq(grants.scopeType, 'indicators'), eq(users.active, true)));
  return [...new Set(rows.flatMap((r) => r.refs))];
}
