import { type RevisionNote, revisionNote, type UnitScore } from '@jixiao/contracts';
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { onLineOf } from '../../db/org-paths.js';
import { byId, columnsEqual, firstRow, insertRow, versionedUpdate } from '../../db/rows.js';
import {
  categories,
  evalSystems,
  evaluationRuns,
  groups,
  orgNodes,
  planRevisions,
  plans,
} from '../../db/schema/index.js';

export type PlanRow = typeof plans.$inferSelect;
export type RevisionRow = typeof planRevisions.$inferSelect;
export type RunRow = typeof evaluationRuns.$inferSelect;

export const findPlan = byId(plans);

export function listPlans(db: Executor, f: { systemIds: number[] | null; systemId?: number; year?: number }) {
  const where: SQL[] = [];
  if (f.systemIds) where.push(f.systemIds.length ? inArray(plans.systemId, f.systemIds) : sql`false`);
  if (f.systemId) where.push(eq(plans.systemId, f.systemId));
  if (f.year) where.push(eq(plans.year, f.year));
  return db
    .select()
    .from(plans)
    .where(and(...where))
    .orderBy(desc(plans.year), asc(plans.systemId), asc(plans.id));
}

/** The active plan of a system and year, if any. */

export const insertPlan = (db: Executor, v: typeof plans.$inferInsert) => insertRow(db, plans, v);

/** Versioned update; undefined when the version is stale. */
export const updatePlanVersioned = versionedUpdate(plans);

/** Archive the active plans of a system and year other than `exceptId`; returns them. */
/** The plan document's ad-hoc flag (Z7), as SQL over the jsonb document. */
const adHocDoc = sql`coalesce((${plans.document} -> 'period' ->> 'adHoc')::boolean, false)`;

/** The active yearly plan of a system and year (ad-hoc plans, Z7, run beside it and are not it). */
export const findActivePlan = (db: Executor, systemId: number, year: number) =>
  firstRow(
    db,
    plans,
    and(eq(plans.systemId, systemId), eq(plans.year, year), eq(plans.status, 'active'), sql`not ${adHocDoc}`),
  );

/**
 * Archive the other active yearly plan of a system and year when a yearly plan is activated. Ad-hoc
 * plans (Z7) run beside it: activating one archives nothing, and a yearly activation leaves them.
 */
export const archiveActive = (db: Executor, systemId: number, year: number, exceptId: number, at: Date) =>
  db
    .update(plans)
    .set({ status: 'archived', version: sql`${plans.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(plans.systemId, systemId),
        eq(plans.year, year),
        eq(plans.status, 'active'),
        ne(plans.id, exceptId),
        sql`not ${adHocDoc}`,
      ),
    )
    .returning();

export const insertRevision = (db: Executor, v: typeof planRevisions.$inferInsert) =>
  insertRow(db, planRevisions, v);

/** A revision note as the columns that store it (`note` stays for rows saved as free text). */
export const noteColumns = (note: RevisionNote | null) =>
  note ? { noteCode: note.code, noteParams: note.params as Record<string, unknown> } : {};

/** A stored note as data; an old row's free text reads as a `text` note, shown as it is. */
export function noteOf(r: Pick<RevisionRow, 'note' | 'noteCode' | 'noteParams'>): RevisionNote | null {
  if (r.noteCode) {
    const parsed = revisionNote.safeParse({ code: r.noteCode, params: r.noteParams ?? {} });
    if (parsed.success) return parsed.data;
  }
  const text = r.note ?? r.noteCode;
  return text ? { code: 'text', params: { text } } : null;
}

export const listRevisions = (db: Executor, planId: number) =>
  db
    .select()
    .from(planRevisions)
    .where(eq(planRevisions.planId, planId))
    .orderBy(desc(planRevisions.revision));

export const findRevision = (db: Executor, planId: number, revision: number) =>
  firstRow(db, planRevisions, and(eq(planRevisions.planId, planId), eq(planRevisions.revision, revision)));

export const findSystem = byId(evalSystems);

/** Categories and groups of a system, for the skeleton of a new plan. */
export const systemGroups = (db: Executor, systemId: number) =>
  db
    .select({
      categoryCode: categories.code,
      categoryName: categories.name,
      code: groups.code,
      name: groups.name,
    })
    .from(groups)
    .innerJoin(categories, eq(groups.categoryId, categories.id))
    .where(eq(categories.systemId, systemId))
    .orderBy(asc(categories.id), asc(groups.id));

/**
 * Systems touched by org subtrees: a node of the system lies in the subtree, or the subtree's top
 * lies under a node of the system (a unit's grant reaches its own system's plans).
 */
export async function systemsOfPaths(db: Executor, paths: string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .selectDistinct({ s: orgNodes.systemId })
    .from(orgNodes)
    .where(and(isNotNull(orgNodes.systemId), onLineOf(paths)));
  const groupRows = await db
    .selectDistinct({ s: categories.systemId })
    .from(orgNodes)
    .innerJoin(groups, eq(orgNodes.groupId, groups.id))
    .innerJoin(categories, eq(groups.categoryId, categories.id))
    .where(onLineOf(paths));
  return [...new Set([...rows.map((r) => r.s!), ...groupRows.map((r) => r.s)])];
}

/** The evaluated units of a system: org nodes with a group of that system. */
export const systemUnits = (db: Executor, systemId: number) =>
  db
    .select({
      id: orgNodes.id,
      code: orgNodes.code,
      name: orgNodes.name,
      path: orgNodes.path,
      group: groups.code,
      category: categories.code,
    })
    .from(orgNodes)
    .innerJoin(groups, eq(orgNodes.groupId, groups.id))
    .innerJoin(categories, eq(groups.categoryId, categories.id))
    .where(eq(categories.systemId, systemId))
    .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.id));

export const nodePaths = (db: Executor, ids: number[]) =>
  ids.length
    ? db.select({ id: orgNodes.id, path: orgNodes.path }).from(orgNodes).where(inArray(orgNodes.id, ids))
    : Promise.resolve([]);

export const nodeNames = (db: Executor, ids: number[]) =>
  ids.length
    ? db.select({ id: orgNodes.id, name: orgNodes.name }).from(orgNodes).where(inArray(orgNodes.id, ids))
    : Promise.resolve([]);

// --- datasets and runs ---------------------------------------------------------------------------------

export const insertRun = (db: Executor, v: typeof evaluationRuns.$inferInsert) =>
  insertRow(db, evaluationRuns, v);

/** The newest run of a plan and period; with `statuses`, the newest in one of them. */
export const latestRun = (db: Executor, planId: number, period: string, statuses?: readonly string[]) =>
  firstRow(
    db,
    evaluationRuns,
    and(
      columnsEqual(evaluationRuns, { planId, period }),
      statuses ? inArray(evaluationRuns.status, [...statuses]) : undefined,
    ),
    desc(evaluationRuns.id),
  );

export const findRunById = (db: Executor, runId: number) =>
  firstRow(db, evaluationRuns, eq(evaluationRuns.id, runId));

export const findRun = (db: Executor, planId: number, runId: number) =>
  firstRow(db, evaluationRuns, and(eq(evaluationRuns.planId, planId), eq(evaluationRuns.id, runId)));

/** Runs of a plan without their results, newest first, in the given statuses. */
export const listRuns = (
  db: Executor,
  planId: number,
  period: string | undefined,
  statuses: readonly string[],
) => {
  const { result: _, ...cols } = getTableColumns(evaluationRuns);
  return db
    .select({
      ...cols,
      units: sql<number>`jsonb_array_length(coalesce(${evaluationRuns.result} -> 'units', '[]'::jsonb))`,
    })
    .from(evaluationRuns)
    .where(
      and(
        eq(evaluationRuns.planId, planId),
        period ? eq(evaluationRuns.period, period) : undefined,
        inArray(evaluationRuns.status, [...statuses]),
      ),
    )
    .orderBy(desc(evaluationRuns.id));
};

/** The newest run id per period of a plan. */
export const latestRunIds = async (db: Executor, planId: number) =>
  (
    await db
      .select({ period: evaluationRuns.period, id: sql<number>`max(${evaluationRuns.id})` })
      .from(evaluationRuns)
      .where(eq(evaluationRuns.planId, planId))
      .groupBy(evaluationRuns.period)
  ).map((r) => ({ period: r.period, id: Number(r.id) }));

/** Mark the live (unreleased, not yet superseded) runs of a plan and period other than `keep` superseded. */
export const supersedeLive = async (db: Executor, planId: number, period: string, keep: number) =>
  (
    await db
      .update(evaluationRuns)
      .set({ status: 'superseded' })
      .where(
        and(
          columnsEqual(evaluationRuns, { planId, period }),
          inArray(evaluationRuns.status, ['draft', 'publicity', 'approval']),
          ne(evaluationRuns.id, keep),
        ),
      )
      .returning({ id: evaluationRuns.id })
  ).map((r) => r.id);

/**
 * A run's step: the status changes from `from` to `to` with the step's stamps, once. Null when the
 * run is no longer in `from` (someone else took a step first).
 */
export const stepRun = async (
  db: Executor,
  runId: number,
  from: string,
  set: Partial<Omit<typeof evaluationRuns.$inferInsert, 'id' | 'result'>> & { status: string },
) =>
  (
    await db
      .update(evaluationRuns)
      .set(set)
      .where(and(eq(evaluationRuns.id, runId), eq(evaluationRuns.status, from)))
      .returning()
  )[0];

// --- the public results page -------------------------------------------------------------------

/** A run the office put on the public page: in publicity or released, with `publicPage` set. */
const isPublic = and(
  inArray(evaluationRuns.status, ['publicity', 'released']),
  sql`(${evaluationRuns.publicity} ->> 'publicPage') = 'true'`,
);

const publicColumns = {
  id: evaluationRuns.id,
  planId: evaluationRuns.planId,
  period: evaluationRuns.period,
  status: evaluationRuns.status,
  publicity: evaluationRuns.publicity,
  releasedAt: evaluationRuns.releasedAt,
  planRevision: evaluationRuns.planRevision,
  plan: plans.name,
  year: plans.year,
  system: evalSystems.name,
};

const publicRunsQuery = (db: Executor) =>
  db
    .select(publicColumns)
    .from(evaluationRuns)
    .innerJoin(plans, eq(plans.id, evaluationRuns.planId))
    .innerJoin(evalSystems, eq(evalSystems.id, plans.systemId));

/** Every public run, newest first (the caller keeps the newest per plan and period). */
export const publicRuns = (db: Executor) =>
  publicRunsQuery(db).where(isPublic).orderBy(desc(plans.year), desc(evaluationRuns.id));

/** One public run; undefined when it is not (or no longer) public. */
export const publicRun = async (db: Executor, runId: number) =>
  (await publicRunsQuery(db).where(and(eq(evaluationRuns.id, runId), isPublic)))[0];

/** A run's stored result alone. */
export const runResult = async (db: Executor, runId: number) =>
  (
    await db
      .select({ result: evaluationRuns.result })
      .from(evaluationRuns)
      .where(eq(evaluationRuns.id, runId))
  )[0]?.result;

// --- released years (the archive, consequences and scorecards read them) ------------------------

/** A released year-end run of a system with what the archive reads of it (not its input). */
export interface YearRunRow {
  runId: number;
  planId: number;
  year: number;
  units: UnitScore[];
  rankings: { code: string; name: string; entries: { unit: string; rank: number; total: number }[] }[];
  awards: { code: string; name: string; units: string[] }[];
  /** The run's plan revision (grades and consequence rules of that year). */
  document: Record<string, unknown>;
}

/**
 * Released year-end runs (`<plan year>-Y`) of every plan of a system, up to `year`, oldest year
 * first and, within a year, newest run first (the caller keeps the first of each year).
 */
export const releasedYearRuns = (db: Executor, systemId: number, upToYear: number) =>
  db
    .select({
      runId: evaluationRuns.id,
      planId: plans.id,
      year: plans.year,
      units: sql<UnitScore[]>`coalesce(${evaluationRuns.result} -> 'units', '[]'::jsonb)`,
      rankings: sql<YearRunRow['rankings']>`coalesce(${evaluationRuns.result} -> 'rankings', '[]'::jsonb)`,
      awards: sql<YearRunRow['awards']>`coalesce(${evaluationRuns.result} -> 'awards', '[]'::jsonb)`,
      document: planRevisions.document,
    })
    .from(evaluationRuns)
    .innerJoin(plans, eq(evaluationRuns.planId, plans.id))
    .innerJoin(
      planRevisions,
      and(
        eq(planRevisions.planId, evaluationRuns.planId),
        eq(planRevisions.revision, evaluationRuns.planRevision),
      ),
    )
    .where(
      and(
        eq(plans.systemId, systemId),
        eq(evaluationRuns.status, 'released'),
        sql`${plans.year} <= ${upToYear}`,
        sql`${evaluationRuns.period} = cast(${plans.year} as text) || '-Y'`,
      ),
    )
    .orderBy(asc(plans.year), desc(evaluationRuns.id)) as Promise<YearRunRow[]>;
