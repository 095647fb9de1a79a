import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, maybeAt, num, ref, stepBy, version, writtenBy } from './columns.js';
import { cycleEvents } from './cycle.js';
import { experts, innovationCalls, innovationProjects } from './innovation.js';

/**
 * Scoring innovation projects (issue 12 points 4–5): each judge's score sheet, the defence sessions
 * with each project's step (waiting → presenting → scoring → closed, which locks its sheets), the
 * call's computed results, and the bonus events they were applied as. The call's scoring settings
 * are a jsonb column of `innovation_call` (`scoring`).
 */

/** One judge's sheet for one project: the criterion scores entered and the computed score. */
export const innovationSheets = pgTable(
  'innovation_sheet',
  {
    id: id(),
    projectId: ref('project_id', () => innovationProjects.id, 'restrict'),
    expertId: ref('expert_id', () => experts.id, 'restrict'),
    /** Criterion code → score entered. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    /** The rubric's Σ parts, rounded (engine scoreSheet). */
    score: num('score').notNull(),
    comment: text('comment').notNull().default(''),
    ...writtenBy('submitted'),
    version: version(),
  },
  (t) => [
    uniqueIndex('innovation_sheet_once').on(t.projectId, t.expertId),
    index('innovation_sheet_expert').on(t.expertId),
  ],
);

/** A defence session (现场+答辩) of a call: the running order is the stages' positions. */
export const innovationSessions = pgTable(
  'innovation_session',
  {
    id: id(),
    callId: ref('call_id', () => innovationCalls.id, 'restrict'),
    /** The category it hears (null: any). */
    category: text('category'),
    title: text('title').notNull(),
    /** Minutes per presentation. */
    minutes: integer('minutes').notNull(),
    /** The chairing expert; null: the office drives it. */
    chairExpertId: integer('chair_expert_id').references(() => experts.id, { onDelete: 'restrict' }),
    ...writtenBy('created'),
    version: version(),
  },
  (t) => [index('innovation_session_call').on(t.callId)],
);

/**
 * A project's defence step: in a session at a position, or (session null) closed by the office
 * after online scoring. No row: open for online scoring.
 */
export const innovationStages = pgTable(
  'innovation_stage',
  {
    projectId: integer('project_id')
      .primaryKey()
      .references(() => innovationProjects.id, { onDelete: 'restrict' }),
    sessionId: integer('session_id').references(() => innovationSessions.id, { onDelete: 'restrict' }),
    position: integer('position'),
    /** waiting | presenting | scoring | closed (defence-state.ts). */
    stage: text('stage').notNull(),
    presentingAt: maybeAt('presenting_at'),
    scoringAt: maybeAt('scoring_at'),
    ...stepBy('closed'),
  },
  (t) => [index('innovation_stage_session').on(t.sessionId)],
);

/** The call's last computed results (engine output as presented, names included; views filter). */
export const innovationResults = pgTable('innovation_result', {
  callId: integer('call_id')
    .primaryKey()
    .references(() => innovationCalls.id, { onDelete: 'restrict' }),
  /** contracts `innovationResults` without the per-caller parts (stale, can). */
  output: jsonb('output').notNull(),
  ...writtenBy('computed'),
  ...stepBy('applied'),
  version: version(),
});

/** A bonus event the call's results were applied as (re-applying withdraws and replaces them). */
export const innovationAwards = pgTable(
  'innovation_award',
  {
    id: id(),
    callId: ref('call_id', () => innovationCalls.id, 'restrict'),
    projectId: ref('project_id', () => innovationProjects.id, 'restrict'),
    eventId: ref('event_id', () => cycleEvents.id, 'restrict'),
    points: num('points').notNull(),
    rank: integer('rank').notNull(),
    ...writtenBy('created'),
  },
  (t) => [index('innovation_award_call').on(t.callId), uniqueIndex('innovation_award_event').on(t.eventId)],
);
