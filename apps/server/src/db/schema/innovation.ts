import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ref, stamps, stepBy, tracked, version, writtenBy } from './columns.js';
import { users } from './identity.js';
import { orgNodes } from './org.js';
import { unitRef } from './refs.js';

/**
 * Innovation projects (创新驱动加分, H10, issue 12 points 1–3): the office's call of a year, the
 * units' projects (attachments are evidence files with owner type `innovation_project`), the
 * expert pool (S11) with declared conflicts, and the judges assigned to each project — the rows
 * rubric scoring and the defence session hang off.
 */

/** A year's call: its categories by unit function, the deadline, draft → open → closed (call-state.ts). */
export const innovationCalls = pgTable(
  'innovation_call',
  {
    id: id(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** contracts `innovationCategory[]`. */
    categories: jsonb('categories').$type<{ code: string; name: string }[]>().notNull(),
    /** The last Beijing day (YYYY-MM-DD) units may submit and edit. */
    deadline: text('deadline').notNull(),
    status: text('status').notNull().default('draft'),
    /** Judges per project (or per category panel) of the last automatic assignment. */
    assignMode: text('assign_mode'),
    assignN: integer('assign_n'),
    /** contracts `scoringSettings` (rubric, aggregation, top ten, bonus); null: the defaults. */
    scoring: jsonb('scoring'),
    ...writtenBy('created'),
    ...stepBy('opened'),
    ...stepBy('closed'),
    version: version(),
  },
  (t) => [uniqueIndex('innovation_call_year').on(t.year)],
);

/** A unit's project in a call: editable by its unit while the call is open. */
export const innovationProjects = pgTable(
  'innovation_project',
  {
    id: id(),
    callId: ref('call_id', () => innovationCalls.id, 'restrict'),
    unitId: unitRef(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    results: text('results').notNull().default(''),
    status: text('status').notNull().default('submitted'),
    ...writtenBy('created'),
    updatedBy: text('updated_by'),
    ...tracked(),
  },
  (t) => [index('innovation_project_call').on(t.callId), index('innovation_project_unit').on(t.unitId)],
);

/** An expert of the pool (专家库, S11): contact data sealed (field-crypto), shown to the office only. */
export const experts = pgTable(
  'expert',
  {
    id: id(),
    name: text('name').notNull(),
    /** contracts `affiliation`: university, industry, government, other. */
    affiliation: text('affiliation').notNull(),
    organisation: text('organisation').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** `{ phone, email }` as JSON, sealed (SM4 + HMAC-SM3); null without any. */
    contactSealed: text('contact_sealed'),
    available: boolean('available').notNull().default(true),
    /** The account the expert signs in with (role expert), if any. */
    userId: integer('user_id')
      .references(() => users.id, { onDelete: 'set null' })
      .unique(),
    /** The unit the expert belongs to (a civil servant of it): never judges its projects. */
    memberUnitId: integer('member_unit_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    ...tracked(),
  },
  (t) => [index('expert_name').on(t.name)],
);

/** A unit an expert declared a conflict of interest with (回避). */
export const expertConflicts = pgTable(
  'expert_conflict',
  {
    expertId: ref('expert_id', () => experts.id, 'cascade'),
    unitId: ref('unit_id', () => orgNodes.id, 'restrict'),
    ...stamps(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.unitId] })],
);

/** An expert judging a project: by the automatic assignment or by the office's override (with a reason). */
export const innovationAssignments = pgTable(
  'innovation_assignment',
  {
    id: id(),
    projectId: ref('project_id', () => innovationProjects.id, 'restrict'),
    expertId: ref('expert_id', () => experts.id, 'restrict'),
    /** auto | manual. */
    how: text('how').notNull(),
    /** The office's reason for a manual assignment. */
    reason: text('reason'),
    ...writtenBy('assigned'),
  },
  (t) => [
    uniqueIndex('innovation_assignment_once').on(t.projectId, t.expertId),
    index('innovation_assignment_expert').on(t.expertId),
  ],
);
