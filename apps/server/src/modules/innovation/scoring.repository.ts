import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, versionedUpdate } from '../../db/rows.js';
import {
  cycleEvents,
  experts,
  innovationAssignments,
  innovationAwards,
  innovationCalls,
  innovationProjects,
  innovationResults,
  innovationSessions,
  innovationSheets,
  innovationStages,
} from '../../db/schema/index.js';

/** Score sheets, defence sessions and stages, results and awards of innovation calls (issue 12 points 4–5). */

export type SheetRow = typeof innovationSheets.$inferSelect;
export type SessionRow = typeof innovationSessions.$inferSelect;
export type StageRow = typeof innovationStages.$inferSelect;
export type ResultRow = typeof innovationResults.$inferSelect;

// --- settings --------------------------------------------------------------------------------------

/** Store the call's scoring settings (versioned with the call). */
export const updateCallScoring = versionedUpdate(innovationCalls);

// --- sheets ----------------------------------------------------------------------------------------

const sheetWithJudge = { sheet: innovationSheets, judgeName: experts.name };
export type SheetWithJudge = { sheet: SheetRow; judgeName: string };

/** The sheets of some projects, with the judges' names, by project then expert. */
export const sheetsOfProjects = (db: Executor, projectIds: number[]): Promise<SheetWithJudge[]> =>
  projectIds.length
    ? db
        .select(sheetWithJudge)
        .from(innovationSheets)
        .innerJoin(experts, eq(experts.id, innovationSheets.expertId))
        .where(inArray(innovationSheets.projectId, projectIds))
        .orderBy(asc(innovationSheets.projectId), asc(innovationSheets.expertId))
    : Promise.resolve([]);

/** The sheets of a call's projects. */
export const sheetsOfCall = (db: Executor, callId: number): Promise<SheetWithJudge[]> =>
  db
    .select(sheetWithJudge)
    .from(innovationSheets)
    .innerJoin(experts, eq(experts.id, innovationSheets.expertId))
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationSheets.projectId))
    .where(eq(innovationProjects.callId, callId))
    .orderBy(asc(innovationSheets.projectId), asc(innovationSheets.expertId));

/** How many sheets a call has and when the last was written. */
export async function sheetStats(db: Executor, callId: number) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int`, last: max(innovationSheets.submittedAt) })
    .from(innovationSheets)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationSheets.projectId))
    .where(eq(innovationProjects.callId, callId));
  return { n: r?.n ?? 0, last: r?.last ?? null };
}

export const findSheet = (db: Executor, projectId: number, expertId: number) =>
  firstRow(
    db,
    innovationSheets,
    and(eq(innovationSheets.projectId, projectId), eq(innovationSheets.expertId, expertId)),
  );
export const insertSheet = (db: Executor, v: typeof innovationSheets.$inferInsert) =>
  insertRow(db, innovationSheets, v);
export const updateSheet = versionedUpdate(innovationSheets);

/** Which of the projects are being judged: a sheet submitted or a place in a defence session. */
export async function judgedIds(db: Executor, projectIds: number[]) {
  if (!projectIds.length) return new Set<number>();
  const [sheets, stages] = await Promise.all([
    db
      .selectDistinct({ id: innovationSheets.projectId })
      .from(innovationSheets)
      .where(inArray(innovationSheets.projectId, projectIds)),
    db
      .select({ id: innovationStages.projectId })
      .from(innovationStages)
      .where(inArray(innovationStages.projectId, projectIds)),
  ]);
  return new Set([...sheets, ...stages].map((r) => r.id));
}

/** The assignment of an expert to a project, if any. */
export const assignmentOf = (db: Executor, projectId: number, expertId: number) =>
  firstRow(
    db,
    innovationAssignments,
    and(eq(innovationAssignments.projectId, projectId), eq(innovationAssignments.expertId, expertId)),
  );

/** Whether the expert judges any of the projects. */
export async function judgesAny(db: Executor, expertId: number, projectIds: number[]) {
  if (!projectIds.length) return false;
  const [row] = await db
    .select({ id: innovationAssignments.id })
    .from(innovationAssignments)
    .where(
      and(eq(innovationAssignments.expertId, expertId), inArray(innovationAssignments.projectId, projectIds)),
    )
    .limit(1);
  return !!row;
}

// --- sessions and stages ---------------------------------------------------------------------------

export const listSessions = (db: Executor, callId: number) =>
  db
    .select()
    .from(innovationSessions)
    .where(eq(innovationSessions.callId, callId))
    .orderBy(asc(innovationSessions.id));
export const findSession = byId(innovationSessions);
export const insertSession = (db: Executor, v: typeof innovationSessions.$inferInsert) =>
  insertRow(db, innovationSessions, v);
export const updateSession = versionedUpdate(innovationSessions);

/** The stages of a call's projects (session or online-closed). */
export const stagesOfCall = (db: Executor, callId: number) =>
  db
    .select({ stage: innovationStages })
    .from(innovationStages)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationStages.projectId))
    .where(eq(innovationProjects.callId, callId))
    .then((rows) => rows.map((r) => r.stage));

export const stagesOfSessions = (db: Executor, sessionIds: number[]) =>
  sessionIds.length
    ? db
        .select()
        .from(innovationStages)
        .where(inArray(innovationStages.sessionId, sessionIds))
        .orderBy(asc(innovationStages.sessionId), asc(innovationStages.position))
    : Promise.resolve([] as StageRow[]);

export const findStage = (db: Executor, projectId: number) =>
  firstRow(db, innovationStages, eq(innovationStages.projectId, projectId));
export const insertStages = (db: Executor, v: (typeof innovationStages.$inferInsert)[]) =>
  v.length
    ? db
        .insert(innovationStages)
        .values(v)
        .then(() => undefined)
    : Promise.resolve();
export const updateStage = (
  db: Executor,
  projectId: number,
  patch: Partial<typeof innovationStages.$inferInsert>,
) => db.update(innovationStages).set(patch).where(eq(innovationStages.projectId, projectId)).returning();
/** Drop a session's stages (its order changes while nothing started). */
export const deleteStagesOfSession = (db: Executor, sessionId: number) =>
  db.delete(innovationStages).where(eq(innovationStages.sessionId, sessionId));

// --- results and awards ----------------------------------------------------------------------------

export const findResult = (db: Executor, callId: number) =>
  firstRow(db, innovationResults, eq(innovationResults.callId, callId));
export const insertResult = (db: Executor, v: typeof innovationResults.$inferInsert) =>
  insertRow(db, innovationResults, v);
export async function updateResult(
  db: Executor,
  callId: number,
  version: number,
  patch: Partial<typeof innovationResults.$inferInsert>,
) {
  const [row] = await db
    .update(innovationResults)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(innovationResults.callId, callId), eq(innovationResults.version, version)))
    .returning();
  return row;
}

/** The bonus events a call's results were applied as, with their current status. */
export const awardsOfCall = (db: Executor, callId: number) =>
  db
    .select({ award: innovationAwards, event: cycleEvents })
    .from(innovationAwards)
    .innerJoin(cycleEvents, eq(cycleEvents.id, innovationAwards.eventId))
    .where(eq(innovationAwards.callId, callId))
    .orderBy(asc(innovationAwards.id));
export const insertAwards = (db: Executor, v: (typeof innovationAwards.$inferInsert)[]) =>
  v.length
    ? db
        .insert(innovationAwards)
        .values(v)
        .then(() => undefined)
    : Promise.resolve();

/**
 * Points per unit a plan already holds from a bonus source (approved or pending events), except
 * the events listed (this call's own).
 */
export async function bonusPointsOf(db: Executor, planId: number, source: string, except: number[]) {
  const rows = await db
    .select({ unitId: cycleEvents.unitId, points: sql<string>`coalesce(sum(${cycleEvents.points}), 0)` })
    .from(cycleEvents)
    .where(
      and(
        eq(cycleEvents.planId, planId),
        eq(cycleEvents.kind, 'bonus'),
        eq(cycleEvents.code, source),
        inArray(cycleEvents.status, ['approved', 'pending']),
        except.length ? sql`${cycleEvents.id} not in (${sql.join(except, sql`, `)})` : undefined,
      ),
    )
    .groupBy(cycleEvents.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.points)]));
}
