import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, rowsIn, rowsWhere, versionedUpdate } from '../../db/rows.js';
import {
  expertConflicts,
  experts,
  innovationAssignments,
  innovationCalls,
  innovationProjects,
  orgNodes,
  users,
} from '../../db/schema/index.js';

export type CallRow = typeof innovationCalls.$inferSelect;
export type NewCall = typeof innovationCalls.$inferInsert;
export type ProjectRow = typeof innovationProjects.$inferSelect;
export type NewProject = typeof innovationProjects.$inferInsert;
export type ExpertRow = typeof experts.$inferSelect;
export type NewExpert = typeof experts.$inferInsert;
export type AssignmentRow = typeof innovationAssignments.$inferSelect;

// --- calls -----------------------------------------------------------------------------------------

export const listCalls = (db: Executor) =>
  rowsWhere(db, innovationCalls, undefined, sql`${innovationCalls.year} desc`, asc(innovationCalls.id));
export const findCall = byId(innovationCalls);
export const findCallOfYear = (db: Executor, year: number) =>
  firstRow(db, innovationCalls, eq(innovationCalls.year, year));
export const insertCall = (db: Executor, v: NewCall) => insertRow(db, innovationCalls, v);
export const updateCall = versionedUpdate(innovationCalls);

/** Projects per call. */
export async function projectCounts(db: Executor, callIds: number[]) {
  if (!callIds.length) return new Map<number, number>();
  const rows = await db
    .select({ callId: innovationProjects.callId, n: sql<number>`count(*)::int` })
    .from(innovationProjects)
    .where(inArray(innovationProjects.callId, callIds))
    .groupBy(innovationProjects.callId);
  return new Map(rows.map((r) => [r.callId, r.n]));
}

// --- projects --------------------------------------------------------------------------------------

/** Which projects a reader sees: all (office, leaders), its units' subtrees, or those assigned to one expert. */
export type ProjectView = { all: true } | { paths: string[] } | { expertId: number };

export interface ProjectFilter {
  id?: number;
  callId?: number;
  unitId?: number;
}

const projectSelection = {
  project: innovationProjects,
  unitCode: orgNodes.code,
  unitName: orgNodes.name,
  unitPath: orgNodes.path,
  year: innovationCalls.year,
};

export async function listProjects(db: Executor, v: ProjectView, f: ProjectFilter) {
  const viewWhere =
    'all' in v
      ? undefined
      : 'paths' in v
        ? v.paths.length
          ? or(...v.paths.map((p) => like(orgNodes.path, `${p}%`)))
          : sql`false`
        : inArray(
            innovationProjects.id,
            db
              .select({ id: innovationAssignments.projectId })
              .from(innovationAssignments)
              .where(eq(innovationAssignments.expertId, v.expertId)),
          );
  return db
    .select(projectSelection)
    .from(innovationProjects)
    .innerJoin(orgNodes, eq(orgNodes.id, innovationProjects.unitId))
    .innerJoin(innovationCalls, eq(innovationCalls.id, innovationProjects.callId))
    .where(
      and(
        viewWhere,
        f.id ? eq(innovationProjects.id, f.id) : undefined,
        f.callId ? eq(innovationProjects.callId, f.callId) : undefined,
        f.unitId ? eq(innovationProjects.unitId, f.unitId) : undefined,
      ),
    )
    .orderBy(asc(innovationProjects.category), asc(orgNodes.sortOrder), asc(innovationProjects.id));
}
export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>[number];

export const insertProject = (db: Executor, v: NewProject) => insertRow(db, innovationProjects, v);
export const updateProject = versionedUpdate(innovationProjects);

// --- experts ---------------------------------------------------------------------------------------

export async function listExperts(db: Executor, ids?: number[]) {
  return db
    .select({
      expert: experts,
      username: users.username,
      memberCode: orgNodes.code,
      memberName: orgNodes.name,
    })
    .from(experts)
    .leftJoin(users, eq(users.id, experts.userId))
    .leftJoin(orgNodes, eq(orgNodes.id, experts.memberUnitId))
    .where(ids ? (ids.length ? inArray(experts.id, ids) : sql`false`) : undefined)
    .orderBy(asc(experts.id));
}
export type ExpertListRow = Awaited<ReturnType<typeof listExperts>>[number];

export const findExpert = byId(experts);
export const expertOfUser = (db: Executor, userId: number) =>
  firstRow(db, experts, eq(experts.userId, userId));
export const insertExperts = (db: Executor, v: NewExpert[]) =>
  v.length ? db.insert(experts).values(v).returning() : Promise.resolve([] as ExpertRow[]);
export const updateExpert = versionedUpdate(experts);

/** The declared conflicts of experts, with the units' codes and names. */
export const conflictsOf = (db: Executor, expertIds: number[]) =>
  expertIds.length
    ? db
        .select({
          expertId: expertConflicts.expertId,
          unitId: orgNodes.id,
          unitCode: orgNodes.code,
          unitName: orgNodes.name,
        })
        .from(expertConflicts)
        .innerJoin(orgNodes, eq(orgNodes.id, expertConflicts.unitId))
        .where(inArray(expertConflicts.expertId, expertIds))
        .orderBy(asc(expertConflicts.expertId), asc(orgNodes.code))
    : Promise.resolve([]);

/** Replace an expert's declared conflicts. */
export async function setConflicts(db: Executor, expertId: number, unitIds: number[]) {
  await db.delete(expertConflicts).where(eq(expertConflicts.expertId, expertId));
  if (unitIds.length)
    await db.insert(expertConflicts).values(unitIds.map((unitId) => ({ expertId, unitId })));
}
export const insertConflicts = (db: Executor, rows: { expertId: number; unitId: number }[]) =>
  rows.length
    ? db
        .insert(expertConflicts)
        .values(rows)
        .then(() => undefined)
    : Promise.resolve();

export const nodesByCodes = (db: Executor, codes: string[]) => rowsIn(db, orgNodes, orgNodes.code, codes);
export const findNode = byId(orgNodes);
export const userByName = (db: Executor, username: string) =>
  firstRow(db, users, eq(users.username, username));

// --- assignments -----------------------------------------------------------------------------------

/** The judges of a call's projects, with the experts' names and organisations. */
export const assignmentsOfCall = (db: Executor, callId: number) =>
  db
    .select({ a: innovationAssignments, name: experts.name, organisation: experts.organisation })
    .from(innovationAssignments)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationAssignments.projectId))
    .innerJoin(experts, eq(experts.id, innovationAssignments.expertId))
    .where(eq(innovationProjects.callId, callId))
    .orderBy(asc(innovationAssignments.projectId), asc(innovationAssignments.expertId));
export type AssignmentListRow = Awaited<ReturnType<typeof assignmentsOfCall>>[number];

/** Judges per project. */
export async function judgeCounts(db: Executor, projectIds: number[]) {
  if (!projectIds.length) return new Map<number, number>();
  const rows = await db
    .select({ projectId: innovationAssignments.projectId, n: sql<number>`count(*)::int` })
    .from(innovationAssignments)
    .where(inArray(innovationAssignments.projectId, projectIds))
    .groupBy(innovationAssignments.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

export const findAssignment = byId(innovationAssignments);
export const insertAssignments = (db: Executor, v: (typeof innovationAssignments.$inferInsert)[]) =>
  v.length ? db.insert(innovationAssignments).values(v).returning() : Promise.resolve([] as AssignmentRow[]);
export const deleteAssignments = (db: Executor, ids: number[]) =>
  ids.length
    ? db.delete(innovationAssignments).where(inArray(innovationAssignments.id, ids))
    : Promise.resolve();
