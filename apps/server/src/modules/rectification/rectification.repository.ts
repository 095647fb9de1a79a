import { and, asc, desc, eq, inArray, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { byId, firstRow, insertRow, rowsIn, rowsWhere, versionedUpdate } from '../../db/rows.js';
import {
  grants,
  orgNodes,
  ratingRounds,
  ratings,
  rectificationReports,
  rectificationTasks,
  users,
} from '../../db/schema/index.js';

export type TaskRow = typeof rectificationTasks.$inferSelect;
export type NewTask = typeof rectificationTasks.$inferInsert;
export type ReportRow = typeof rectificationReports.$inferSelect;
export type RoundRow = typeof ratingRounds.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;

// --- rectification tasks ---------------------------------------------------------------------------

/** Which tasks a reader sees: all, or those of units under some org paths. */
export type TaskView = { all: true } | { all: false; paths: string[] };

export interface TaskFilter {
  id?: number;
  status?: string;
  sourceKind?: string;
  unitId?: number;
  /** Only tasks whose deadline day is before this Beijing day and are not closed (overdue), or the others. */
  overdueBefore?: { day: string; overdue: boolean };
}

const selection = {
  task: rectificationTasks,
  unitCode: orgNodes.code,
  unitName: orgNodes.name,
  unitPath: orgNodes.path,
};

export async function listTasks(db: Executor, v: TaskView, f: TaskFilter) {
  const viewWhere = v.all
    ? undefined
    : v.paths.length
      ? or(...v.paths.map((p) => like(orgNodes.path, `${p}%`)))
      : sql`false`;
  const late = f.overdueBefore
    ? and(ne(rectificationTasks.status, 'closed'), lt(rectificationTasks.deadline, f.overdueBefore.day))
    : undefined;
  return db
    .select(selection)
    .from(rectificationTasks)
    .innerJoin(orgNodes, eq(orgNodes.id, rectificationTasks.unitId))
    .where(
      and(
        viewWhere,
        f.id ? eq(rectificationTasks.id, f.id) : undefined,
        f.status ? eq(rectificationTasks.status, f.status) : undefined,
        f.sourceKind ? eq(rectificationTasks.sourceKind, f.sourceKind) : undefined,
        f.unitId ? eq(rectificationTasks.unitId, f.unitId) : undefined,
        late && (f.overdueBefore!.overdue ? late : sql`not (${late})`),
      ),
    )
    .orderBy(asc(rectificationTasks.deadline), desc(rectificationTasks.id))
    .limit(1000);
}
export type TaskListRow = Awaited<ReturnType<typeof listTasks>>[number];

export const insertTask = (db: Executor, v: NewTask) => insertRow(db, rectificationTasks, v);
export const insertTasks = (db: Executor, v: NewTask[]) =>
  v.length ? db.insert(rectificationTasks).values(v).returning() : Promise.resolve([] as TaskRow[]);
export const updateTask = versionedUpdate(rectificationTasks);

export const insertReport = (db: Executor, v: typeof rectificationReports.$inferInsert) =>
  insertRow(db, rectificationReports, v);
export const reportsOf = (db: Executor, taskIds: number[]) =>
  rowsIn(db, rectificationReports, rectificationReports.taskId, taskIds, {
    order: asc(rectificationReports.id),
  });

/** The tasks already made from a source (e.g. a run's weaknesses: unit and indicator). */
export const tasksFromSource = (db: Executor, kind: string, sourceId: number) =>
  rowsWhere(
    db,
    rectificationTasks,
    and(eq(rectificationTasks.sourceKind, kind), eq(rectificationTasks.sourceId, sourceId)),
  );

/** Open tasks whose deadline day is before `day` and whose unit was not yet reminded. */
export const overdueUnreminded = (db: Executor, day: string) =>
  db
    .select(selection)
    .from(rectificationTasks)
    .innerJoin(orgNodes, eq(orgNodes.id, rectificationTasks.unitId))
    .where(
      and(
        ne(rectificationTasks.status, 'closed'),
        lt(rectificationTasks.deadline, day),
        isNull(rectificationTasks.overdueRemindedAt),
      ),
    )
    .orderBy(asc(rectificationTasks.id));

/** Marks tasks reminded (no version bump: a reminder is not a change of the task). */
export const markReminded = (db: Executor, ids: number[], at: Date) =>
  ids.length
    ? db.update(rectificationTasks).set({ overdueRemindedAt: at }).where(inArray(rectificationTasks.id, ids))
    : Promise.resolve();

export const findNode = byId(orgNodes);
export const nodesByIds = (db: Executor, ids: number[]) => rowsIn(db, orgNodes, orgNodes.id, ids);
export const nodesByCodes = (db: Executor, codes: string[]) => rowsIn(db, orgNodes, orgNodes.code, codes);

// --- rating rounds (S14) ---------------------------------------------------------------------------

export const insertRound = (db: Executor, v: typeof ratingRounds.$inferInsert) =>
  insertRow(db, ratingRounds, v);
export const findRound = byId(ratingRounds);
export const findRoundOf = (db: Executor, systemId: number, year: number) =>
  firstRow(db, ratingRounds, and(eq(ratingRounds.systemId, systemId), eq(ratingRounds.year, year)));
export const listRounds = (db: Executor, systemId?: number) =>
  rowsWhere(
    db,
    ratingRounds,
    systemId ? eq(ratingRounds.systemId, systemId) : undefined,
    desc(ratingRounds.year),
    desc(ratingRounds.id),
  );
/** The newest closed round of a system. */
export const lastClosedRound = (db: Executor, systemId: number) =>
  firstRow(
    db,
    ratingRounds,
    and(eq(ratingRounds.systemId, systemId), eq(ratingRounds.status, 'closed')),
    desc(ratingRounds.year),
  );
export const updateRound = versionedUpdate(ratingRounds);

export const ratingsOf = (db: Executor, roundId: number, raterUnitId?: number) =>
  rowsWhere(
    db,
    ratings,
    and(eq(ratings.roundId, roundId), raterUnitId ? eq(ratings.raterUnitId, raterUnitId) : undefined),
    asc(ratings.departmentId),
    asc(ratings.raterUnitId),
  );

/** Counts of ratings per round. */
export async function ratingCounts(db: Executor, roundIds: number[]) {
  if (!roundIds.length) return new Map<number, number>();
  const rows = await db
    .select({ roundId: ratings.roundId, n: sql<number>`count(*)::int` })
    .from(ratings)
    .where(inArray(ratings.roundId, roundIds))
    .groupBy(ratings.roundId);
  return new Map(rows.map((r) => [r.roundId, r.n]));
}

/** A unit's rating of a department: inserted, or replaced while the round is open. */
export async function upsertRating(db: Executor, v: typeof ratings.$inferInsert) {
  const { roundId: _, raterUnitId: __, departmentId: ___, ...set } = v;
  const [row] = await db
    .insert(ratings)
    .values(v)
    .onConflictDoUpdate({ target: [ratings.roundId, ratings.raterUnitId, ratings.departmentId], set })
    .returning();
  return row!;
}

export const insertRatings = (db: Executor, v: (typeof ratings.$inferInsert)[]) =>
  v.length
    ? db
        .insert(ratings)
        .values(v)
        .then(() => undefined)
    : Promise.resolve();

/**
 * Departments that lead indicators: the org node of each active user holding an indicators grant
 * of one of `roles` (the roles that answer objections), with the indicators the grant lists.
 */
export const leadGrantHolders = (db: Executor, roles: readonly string[]) =>
  db
    .select({ unitId: orgNodes.id, unitCode: orgNodes.code, unitName: orgNodes.name, refs: grants.refs })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, users.orgNodeId))
    .where(and(eq(grants.scopeType, 'indicators'), inArray(grants.role, [...roles]), eq(users.active, true)))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.id));
