import { and, eq, inArray, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { submissions, taskBooks, taskTargets } from '../../db/schema/index.js';

/** Targets of the plan's task books, whatever their stage: the unit's own target wins over the dataset's. */
export const taskTargetsOf = (db: Executor, planId: number) =>
  db
    .select({ unitId: taskBooks.unitId, indicator: taskTargets.indicator, target: taskTargets.target })
    .from(taskTargets)
    .innerJoin(taskBooks, eq(taskBooks.id, taskTargets.taskBookId))
    .where(eq(taskBooks.planId, planId));

/**
 * Monthly values that count: submitted or verified (a draft is not yet reported, a returned value is
 * being corrected).
 */
export const monthlyValues = (db: Executor, planId: number, year: number) =>
  db
    .select({
      unitId: submissions.unitId,
      indicator: submissions.indicator,
      period: submissions.period,
      value: submissions.value,
    })
    .from(submissions)
    .where(
      and(
        eq(submissions.planId, planId),
        like(submissions.period, `${year}-M%`),
        inArray(submissions.status, ['submitted', 'verified']),
      ),
    );
