import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, id, maybeAt, num, ref, stepBy, version, writtenBy } from './columns.js';
import { evalSystems, orgNodes } from './org.js';
import { unitRef } from './refs.js';

/**
 * Rectification tasks (整改, issue 11 point 8): a weakness found in results, verification, an
 * objection, a comment or a rating round (or by the office) becomes a task for one unit with a
 * deadline; the unit reports progress, the office closes it or sends it back (rectification-state.ts).
 */
export const rectificationTasks = pgTable(
  'rectification_task',
  {
    id: id(),
    unitId: unitRef(),
    /** contracts `rectificationSourceKind`. */
    sourceKind: text('source_kind').notNull(),
    /** The run, verification, objection, comment or rating round; null for a manual task. */
    sourceId: integer('source_id'),
    /** For a result: the indicator code. */
    sourceKey: text('source_key'),
    title: text('title').notNull(),
    /** What was found: `{ code, params }` for i18n. */
    weaknessCode: text('weakness_code').notNull(),
    weaknessParams: jsonb('weakness_params').$type<Record<string, unknown>>().notNull(),
    weaknessNote: text('weakness_note'),
    measures: text('measures').notNull().default(''),
    /** A Beijing day (YYYY-MM-DD): the task is overdue once it has ended. */
    deadline: text('deadline').notNull(),
    status: text('status').notNull().default('open'),
    progress: integer('progress').notNull().default(0),
    returnReason: text('return_reason'),
    ...writtenBy('created'),
    ...stepBy('closed'),
    closeNote: text('close_note'),
    /** When the unit was reminded of the passed deadline (once per task). */
    overdueRemindedAt: maybeAt('overdue_reminded_at'),
    version: version(),
  },
  (t) => [
    index('rectification_task_unit').on(t.unitId),
    index('rectification_task_source').on(t.sourceKind, t.sourceId),
  ],
);

/** A unit's progress report on a task: several are allowed, the last one's percent is the task's. */
export const rectificationReports = pgTable(
  'rectification_report',
  {
    id: id(),
    taskId: ref('task_id', () => rectificationTasks.id, 'cascade'),
    percent: integer('percent').notNull(),
    text: text('text').notNull(),
    ...writtenBy('reported'),
  },
  (t) => [index('rectification_report_task').on(t.taskId)],
);

/**
 * A round of units rating the lead departments (S14) for one system and year: open while units
 * rate, closed with its results per department (contracts `departmentRating`) written once.
 */
export const ratingRounds = pgTable(
  'rating_round',
  {
    id: id(),
    systemId: ref('system_id', () => evalSystems.id, 'restrict'),
    year: integer('year').notNull(),
    status: text('status').notNull().default('open'),
    threshold: num('threshold').notNull(),
    rectifyDeadline: text('rectify_deadline').notNull(),
    /** contracts `ratedDepartment[]`, as listed when the round opened. */
    departments: jsonb('departments').$type<Record<string, unknown>[]>().notNull(),
    ...writtenBy('opened'),
    ...stepBy('closed'),
    /** contracts `departmentRating[]`, once closed. */
    results: jsonb('results').$type<Record<string, unknown>[]>(),
    version: version(),
  },
  (t) => [uniqueIndex('rating_round_system_year').on(t.systemId, t.year)],
);

/** One evaluated unit's rating of one department in a round: editable until the round closes. */
export const ratings = pgTable(
  'rating',
  {
    id: id(),
    roundId: ref('round_id', () => ratingRounds.id, 'cascade'),
    raterUnitId: ref('rater_unit_id', () => orgNodes.id, 'restrict'),
    departmentId: ref('department_id', () => orgNodes.id, 'restrict'),
    method: num('method').notNull(),
    procedure: num('procedure').notNull(),
    discipline: num('discipline').notNull(),
    fairness: num('fairness').notNull(),
    comment: text('comment'),
    ratedAt: at('rated_at'),
    ratedBy: text('rated_by'),
  },
  (t) => [uniqueIndex('rating_once').on(t.roundId, t.raterUnitId, t.departmentId)],
);
