import { and, desc, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { countWhere } from '../../db/rows.js';
import { evaluationRuns, notices, objections, rectificationTasks } from '../../db/schema/index.js';
import type { TrendRun } from './cockpit-shape.js';

/** Objection states still waiting for a decision (objections.repository OPEN). */
const OPEN_OBJECTIONS = ['filed', 'answered', 'escalated'];
/** Notice states still waiting on the unit or the office (notice-state.ts). */
const OPEN_NOTICES = ['filed', 'open', 'acknowledged'];

/**
 * The newest run in `statuses` of each monthly period of a plan's year, with each unit's total and
 * rank from its stored result (the cockpit's trend; nothing is evaluated again).
 */
export async function monthlyRuns(
  db: Executor,
  planId: number,
  year: number,
  statuses: readonly string[],
): Promise<TrendRun[]> {
  const rows = await db
    .selectDistinctOn([evaluationRuns.period], {
      period: evaluationRuns.period,
      units: sql<TrendRun['units']>`(
        select coalesce(jsonb_agg(jsonb_build_object('unit', u->>'unit', 'total', (u->>'total')::float8, 'rank', (u->>'rank')::int)), '[]'::jsonb)
        from jsonb_array_elements(coalesce(${evaluationRuns.result} -> 'units', '[]'::jsonb)) u)`,
    })
    .from(evaluationRuns)
    .where(
      and(
        eq(evaluationRuns.planId, planId),
        like(evaluationRuns.period, `${year}-M%`),
        inArray(evaluationRuns.status, [...statuses]),
      ),
    )
    .orderBy(evaluationRuns.period, desc(evaluationRuns.id));
  return rows;
}

/** Open objections and notices of a plan, open rectification tasks of some units. */
export async function openCounts(db: Executor, planId: number, unitIds: number[]) {
  const [openObjections, openNotices, openRectifications] = await Promise.all([
    countWhere(
      db,
      objections,
      and(eq(objections.planId, planId), inArray(objections.status, OPEN_OBJECTIONS)),
    ),
    countWhere(db, notices, and(eq(notices.planId, planId), inArray(notices.status, OPEN_NOTICES))),
    countWhere(
      db,
      rectificationTasks,
      and(
        inArray(rectificationTasks.unitId, unitIds.length ? unitIds : [-1]),
        ne(rectificationTasks.status, 'closed'),
      ),
    ),
  ]);
  return { openObjections, openNotices, openRectifications };
}
