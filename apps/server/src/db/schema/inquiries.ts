import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, num, ref, stepBy, version, writtenBy } from './columns.js';
import { cycleEvents } from './cycle.js';
import { users } from './identity.js';
import { planRef, unitRef } from './refs.js';

/**
 * The year-end expert review (S11, issue 12 point 6): which expert reviews which unit of a plan, and
 * the inquiries (质询) the expert raises. The unit's answer attachments are evidence files with
 * owner type `inquiry`; a deduction is a cycle event the inquiry names (docs/inquiries.md).
 */
export const inquiryAssignments = pgTable(
  'inquiry_assignment',
  {
    id: id(),
    planId: planRef(),
    year: integer('year').notNull(),
    expertUserId: ref('expert_user_id', () => users.id, 'cascade'),
    unitId: unitRef(),
    ...writtenBy('assigned'),
  },
  (t) => [
    uniqueIndex('inquiry_assignment_once').on(t.planId, t.expertUserId, t.unitId),
    index('inquiry_assignment_unit').on(t.unitId),
  ],
);

/** An expert's question to a unit: open → answered → closed, or open → overdue → penalised (inquiry-rules.ts). */
export const inquiries = pgTable(
  'inquiry',
  {
    id: id(),
    planId: planRef(),
    unitId: unitRef(),
    expertUserId: ref('expert_user_id', () => users.id, 'restrict'),
    /** The plan indicator asked about, if one. */
    indicator: text('indicator'),
    question: text('question').notNull(),
    /** The last Beijing day (YYYY-MM-DD) the unit may answer. */
    deadline: text('deadline').notNull(),
    /** open, answered, closed or penalised (overdue is derived from the deadline). */
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    ...stepBy('answered'),
    ...stepBy('closed'),
    closeNote: text('close_note'),
    deductionPoints: num('deduction_points'),
    deductionReason: text('deduction_reason'),
    /** The deduction event recorded with the close or the overdue penalty. */
    eventId: integer('event_id').references(() => cycleEvents.id, { onDelete: 'restrict' }),
    ...writtenBy('created'),
    version: version(),
  },
  (t) => [index('inquiry_plan_unit').on(t.planId, t.unitId), index('inquiry_expert').on(t.expertUserId)],
);
