import type { ObjectionVerdict } from '@jixiao/contracts';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, ref, stepBy, version, writtenBy } from './columns.js';
import { evaluationRuns } from './plans.js';
import { planPeriod, unitRef } from './refs.js';

/**
 * A unit's objection to one item of a run in publicity (S13): filed → answered by the lead
 * department → closed (accepted) or escalated → closed (the leaders decided); or withdrawn.
 * Deadlines are Beijing days. An adjustment that stands makes `resultRunId`.
 */
export const objections = pgTable(
  'objection',
  {
    id: id(),
    ...planPeriod(),
    runId: ref('run_id', () => evaluationRuns.id, 'cascade'),
    unitId: unitRef(),
    unitCode: text('unit_code').notNull(),
    /** contracts `objectionTarget`. */
    target: jsonb('target').$type<Record<string, unknown>>().notNull(),
    targetLabel: text('target_label').notNull(),
    targetScore: jsonb('target_score').$type<number | null>(),
    /** The indicator answered for (the contested one, or the deduction's); null: the office answers. */
    indicator: text('indicator'),
    /** The lead department's unit code (the indicator's owner), for display. */
    lead: text('lead'),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('filed'),
    ...writtenBy('filed'),
    answerDue: text('answer_due').notNull(),
    answer: jsonb('answer').$type<ObjectionVerdict>(),
    ...stepBy('answered'),
    respondDue: text('respond_due'),
    escalation: text('escalation'),
    ...stepBy('escalated'),
    decision: jsonb('decision').$type<ObjectionVerdict>(),
    ...stepBy('decided'),
    outcome: text('outcome'),
    resultRunId: integer('result_run_id'),
    /** The unit's change between the run and `resultRunId` (contracts `compareUnit`). */
    effect: jsonb('effect').$type<Record<string, unknown>>(),
    version: version(),
  },
  (t) => [index('objection_plan_period').on(t.planId, t.period), index('objection_unit').on(t.unitId)],
);
