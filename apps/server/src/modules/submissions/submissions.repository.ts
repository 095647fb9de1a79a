import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { firstRow, rowsIn } from '../../db/rows.js';
import { evidenceFiles, grants, submissionHistory, submissions, users } from '../../db/schema/index.js';

export type SubmissionRow = typeof submissions.$inferSelect;
export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;

export const findSubmission = (db: Executor, id: number) => firstRow(db, submissions, eq(submissions.id, id));

export const findSlot = async (
  db: Executor,
  k: { planId: number; unitId: number; indicator: string; period: string },
) =>
  (
    await db
      .select()
      .from(submissions)
      .where(
        and(
          eq(submissions.planId, k.planId),
          eq(submissions.unitId, k.unitId),
          eq(submissions.indicator, k.indicator),
          eq(submissions.period, k.period),
        ),
      )
      .limit(1)
  )[0];

export const listForPeriod = (db: Executor, planId: number, period: string) =>
  db
    .select()
    .from(submissions)
    .where(and(eq(submissions.planId, planId), eq(submissions.period, period)))
    .orderBy(asc(submissions.unitId), asc(submissions.indicator));

export const insertSubmission = async (db: Executor, v: typeof submissions.$inferInsert) =>
  (await db.insert(submissions).values(v).returning())[0]!;

/** Bulk insert (demo seed); returns the rows. */
export const insertSubmissions = (db: Executor, v: NewSubmission[]) =>
  db.insert(submissions).values(v).returning();

/** Bulk insert skipping slots that already hold a value (demo seed). */
export const insertSubmissionsOnce = (db: Executor, v: NewSubmission[]) =>
  db.insert(submissions).values(v).onConflictDoNothing();

/** How many submissions a plan holds. */
export const countOfPlan = async (db: Executor, planId: number) =>
  (
    (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(eq(submissions.planId, planId))) as [{ n: number }]
  )[0].n;

/** Versioned update; undefined when someone else saved first. */
export const updateSubmission = async (
  db: Executor,
  id: number,
  version: number,
  patch: Partial<typeof submissions.$inferInsert>,
) =>
  (
    await db
      .update(submissions)
      .set({ ...patch, version: sql`${submissions.version} + 1` })
      .where(and(eq(submissions.id, id), eq(submissions.version, version)))
      .returning()
  )[0];

export const insertHistory = (db: Executor, v: (typeof submissionHistory.$inferInsert)[]) =>
  v.length ? db.insert(submissionHistory).values(v) : Promise.resolve();

export const listHistory = (db: Executor, submissionId: number) =>
  db
    .select()
    .from(submissionHistory)
    .where(eq(submissionHistory.submissionId, submissionId))
    .orderBy(desc(submissionHistory.id));

// --- evidence --------------------------------------------------------------------------------------

export const insertEvidence = async (db: Executor, v: typeof evidenceFiles.$inferInsert) =>
  (await db.insert(evidenceFiles).values(v).returning())[0]!;

export const findEvidence = (db: Executor, id: number) =>
  firstRow(db, evidenceFiles, eq(evidenceFiles.id, id));

export const findEvidenceBySha = async (db: Executor, ownerType: string, ownerId: number, sha256: string) =>
  (
    await db
      .select()
      .from(evidenceFiles)
      .where(
        and(
          eq(evidenceFiles.ownerType, ownerType),
          eq(evidenceFiles.ownerId, ownerId),
          eq(evidenceFiles.sha256, sha256),
        ),
      )
      .limit(1)
  )[0];

export const listEvidence = (db: Executor, ownerType: string, ownerIds: number[]) =>
  rowsIn(db, evidenceFiles, evidenceFiles.ownerId, ownerIds, {
    also: eq(evidenceFiles.ownerType, ownerType),
    order: asc(evidenceFiles.id),
  });

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
