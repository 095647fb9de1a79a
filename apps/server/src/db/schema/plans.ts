import { type AnyPgColumn, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, maybeAt, ref, stepBy, version, writtenBy } from './columns.js';
import { evalSystems } from './org.js';

/**
 * An evaluation plan (考评方案): one engine plan document per system and year, edited as a draft,
 * activated once valid (then locked), archived when a newer plan of the same system and year is
 * activated. `version` guards concurrent edits; `revision` counts saved documents (plan_revision).
 */
export const plans = pgTable(
  'plan',
  {
    id: id(),
    systemId: ref('system_id', () => evalSystems.id, 'restrict'),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    version: version(),
    revision: integer('revision').notNull().default(1),
    clonedFromId: integer('cloned_from_id'),
    activatedAt: maybeAt('activated_at'),
    ...writtenBy('created'),
    ...writtenBy('updated'),
  },
  (t) => [
    uniqueIndex('plan_system_year_name').on(t.systemId, t.year, t.name),
    index('plan_system_year').on(t.systemId, t.year),
  ],
);

/** Every saved document of a plan (H1, H4: yearly changes are recorded); revision 1 = as created. */
export const planRevisions = pgTable(
  'plan_revision',
  {
    id: id(),
    planId: ref('plan_id', () => plans.id, 'cascade'),
    revision: integer('revision').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    ...writtenBy('saved'),
    /** Free text of rows saved before notes became `{ code, params }` (shown as it is). */
    note: text('note'),
    /** The note as data (contracts `revisionNote`): rendered by the web through i18n. */
    noteCode: text('note_code'),
    noteParams: jsonb('note_params').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('plan_revision_plan_rev').on(t.planId, t.revision)],
);

/** One computation of a plan and period; the latest per (plan, period) is the current result. */
export const evaluationRuns = pgTable(
  'evaluation_run',
  {
    id: id(),
    planId: ref('plan_id', () => plans.id, 'cascade'),
    period: text('period').notNull(),
    planRevision: integer('plan_revision').notNull(),
    /** The serialisable part of the engine's result plus the unit list it ran on. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    ...writtenBy('computed'),
    /**
     * draft → publicity → approval → released, or superseded (contracts `runStatuses`). Only the
     * status and the stamps of its steps ever change, never the result, and a released run not at
     * all: a trigger refuses anything else (migration 0002).
     */
    status: text('status').notNull().default('draft'),
    /** Publicity (公示): Beijing days, deadlines and whether the public page shows it. */
    publicity: jsonb('publicity').$type<{
      from: string;
      to: string;
      answerDays: number;
      respondDays: number;
      publicPage: boolean;
    }>(),
    ...stepBy('published'),
    ...stepBy('submitted'),
    /** The leader's approval (审定), which is the release. */
    ...stepBy('released'),
    returnNote: text('return_note'),
    /** The version this one replaces, and why: an objection's adjustment or a correction. */
    basedOnId: integer('based_on_id').references((): AnyPgColumn => evaluationRuns.id, {
      onDelete: 'cascade',
    }),
    changeKind: text('change_kind'),
    changeReason: text('change_reason'),
    objectionId: integer('objection_id'),
  },
  (t) => [index('evaluation_run_plan_period').on(t.planId, t.period, t.id)],
);
