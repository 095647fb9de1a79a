import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, id, maybeAt, num, ref, stepBy, timeOf, tracked, version, writtenBy } from './columns.js';
import { users } from './identity.js';
import { orgNodes, staff } from './org.js';
import { evaluationRuns, plans } from './plans.js';
import { planPeriod, planRef, unitPeriod, unitRef } from './refs.js';

/*
 * The yearly cycle (rules §4): task books, periods, submissions with evidence, verification,
 * supervision items, notices, notifications, announcements. Numbers that users enter are stored
 * as `numeric` (exact decimals, as typed), never binary floats.
 */

// --- task books (W10, S4) and decomposition (S1) ---------------------------------------------------

/**
 * A unit's targets for one plan (任务书). draft → confirmed (unit leader) → reviewed (lead
 * department / target office) → issued (office; locked). After issue, changes go through a request.
 */
export const taskBooks = pgTable(
  'task_book',
  {
    id: id(),
    planId: planRef(),
    unitId: unitRef(),
    status: text('status').notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    returnReason: text('return_reason'),
    ...stepBy('confirmed'),
    ...stepBy('reviewed'),
    ...stepBy('issued'),
    ...tracked(),
  },
  (t) => [uniqueIndex('task_book_plan_unit').on(t.planId, t.unitId)],
);

/** One indicator's target in a task book. */
export const taskTargets = pgTable(
  'task_target',
  {
    id: id(),
    taskBookId: ref('task_book_id', () => taskBooks.id, 'cascade'),
    indicator: text('indicator').notNull(),
    target: num('target'),
    baseline: num('baseline'),
    /** Cumulative quarterly shares of the target (S9), e.g. [0.2, 0.45, 0.7, 1]; null = months / 12. */
    schedule: jsonb('schedule').$type<number[]>(),
    measureUnit: text('measure_unit'),
    note: text('note'),
  },
  (t) => [uniqueIndex('task_target_book_indicator').on(t.taskBookId, t.indicator)],
);

/** Every issued or changed state of a task book, as it was (history of W10). */
export const taskBookRevisions = pgTable(
  'task_book_revision',
  {
    id: id(),
    taskBookId: ref('task_book_id', () => taskBooks.id, 'cascade'),
    revision: integer('revision').notNull(),
    targets: jsonb('targets').notNull(),
    reason: text('reason'),
    ...writtenBy('saved'),
  },
  (t) => [uniqueIndex('task_book_revision_book_rev').on(t.taskBookId, t.revision)],
);

/** A request to change an issued task book: reason, proposed targets, decision. */
export const taskChangeRequests = pgTable(
  'task_change_request',
  {
    id: id(),
    taskBookId: ref('task_book_id', () => taskBooks.id, 'cascade'),
    reason: text('reason').notNull(),
    proposed: jsonb('proposed').notNull(),
    status: text('status').notNull().default('pending'),
    ...writtenBy('requested'),
    ...stepBy('decided'),
    decisionNote: text('decision_note'),
    version: version(),
  },
  (t) => [index('task_change_request_book').on(t.taskBookId)],
);

/** A part of a target split among sections, sub-units or staff (层层分解); parts may split again. */
export const decompositionParts = pgTable(
  'decomposition_part',
  {
    id: id(),
    taskBookId: ref('task_book_id', () => taskBooks.id, 'cascade'),
    indicator: text('indicator').notNull(),
    parentPartId: integer('parent_part_id'),
    orgNodeId: integer('org_node_id').references(() => orgNodes.id, { onDelete: 'restrict' }),
    staffId: integer('staff_id').references(() => staff.id, { onDelete: 'restrict' }),
    target: num('target'),
    note: text('note'),
    version: version(),
  },
  (t) => [index('decomposition_part_book_indicator').on(t.taskBookId, t.indicator)],
);

// --- periods and deadlines (S9, G7) -----------------------------------------------------------------

/** When a period of a plan takes data: opens, is due (later = late), closes. */
export const periodWindows = pgTable(
  'period_window',
  {
    id: id(),
    ...planPeriod(),
    opensAt: timeOf('opens_at'),
    dueAt: timeOf('due_at'),
    closed: boolean('closed').notNull().default(false),
    version: version(),
  },
  (t) => [uniqueIndex('period_window_plan_period').on(t.planId, t.period)],
);

/** A closed period reopened for one unit, with reason and end. */
export const periodReopenings = pgTable(
  'period_reopening',
  {
    id: id(),
    ...unitPeriod(),
    reason: text('reason').notNull(),
    until: timeOf('until'),
    ...writtenBy('created'),
  },
  (t) => [index('period_reopening_plan_period_unit').on(t.planId, t.period, t.unitId)],
);

// --- data imports, office reference values and events (issue 8) -----------------------------------

/** One data file the office brought in: every row it wrote points back here. */
export const importBatches = pgTable(
  'import_batch',
  {
    id: id(),
    ...planPeriod(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    rows: integer('rows').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    ...writtenBy('created'),
  },
  (t) => [index('import_batch_plan_period').on(t.planId, t.period)],
);

/**
 * Office-held figures of a (unit, indicator, period) that are not the unit's own value: targets and
 * baselines where no task book states them, base-period and peer values (W3, W4), expert scores.
 */
export const referenceValues = pgTable(
  'reference_value',
  {
    id: id(),
    ...unitPeriod(),
    indicator: text('indicator').notNull(),
    target: num('target'),
    baseline: num('baseline'),
    baseValue: num('base_value'),
    peerValue: num('peer_value'),
    peerBaseValue: num('peer_base_value'),
    scores: jsonb('scores').$type<number[]>(),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'restrict' }),
    ...writtenBy('updated'),
  },
  (t) => [uniqueIndex('reference_value_key').on(t.planId, t.period, t.unitId, t.indicator)],
);

/**
 * A veto (W5, W12, S15), bonus (W9) or deduction (S8, S11, Z13) against a unit. Bonuses wait for the
 * office's approval (pending → approved | rejected); vetoes and deductions count once recorded
 * (approved). Any of them may be withdrawn with a reason. It counts from its period to the year end.
 */
export const cycleEvents = pgTable(
  'cycle_event',
  {
    id: id(),
    ...unitPeriod(),
    kind: text('kind').notNull(),
    code: text('code'),
    indicator: text('indicator'),
    points: num('points'),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull().default('entry'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'restrict' }),
    ...writtenBy('created'),
    ...stepBy('decided'),
    decisionNote: text('decision_note'),
    version: version(),
  },
  (t) => [index('cycle_event_plan_period').on(t.planId, t.period), index('cycle_event_unit').on(t.unitId)],
);

// --- submissions and evidence (Z4, G5) --------------------------------------------------------------

/**
 * One value of one unit for one indicator and period. draft → submitted → verified | returned.
 * `source`: the unit itself, a data provider (Z4), or the supervision system (H6).
 */
export const submissions = pgTable(
  'submission',
  {
    id: id(),
    ...unitPeriod(),
    indicator: text('indicator').notNull(),
    value: num('value'),
    measureUnit: text('measure_unit'),
    note: text('note'),
    status: text('status').notNull().default('draft'),
    source: text('source').notNull().default('unit'),
    returnReason: text('return_reason'),
    late: boolean('late').notNull().default(false),
    ...stepBy('submitted'),
    ...stepBy('verified'),
    /** Set when the value came from an office data file (source 'import'). */
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'restrict' }),
    ...tracked(),
  },
  (t) => [
    uniqueIndex('submission_plan_unit_indicator_period').on(t.planId, t.unitId, t.indicator, t.period),
    index('submission_plan_period_status').on(t.planId, t.period, t.status),
  ],
);

/** Every earlier state of a submission: a verified value is never overwritten without trace (G5). */
export const submissionHistory = pgTable(
  'submission_history',
  {
    id: id(),
    submissionId: ref('submission_id', () => submissions.id, 'cascade'),
    value: num('value'),
    status: text('status').notNull(),
    reason: text('reason'),
    ...writtenBy('changed'),
  },
  (t) => [index('submission_history_submission').on(t.submissionId)],
);

/** An evidence file (辅证资料), stored in the blob store by SHA-256 and attached to one record. */
export const evidenceFiles = pgTable(
  'evidence_file',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    contentType: text('content_type').notNull(),
    fileName: text('file_name').notNull(),
    /** What it supports: 'submission' | 'verification' | 'supervision_item' | 'notice'. */
    ownerType: text('owner_type').notNull(),
    ownerId: integer('owner_id').notNull(),
    ...writtenBy('uploaded'),
  },
  (t) => [
    index('evidence_file_owner').on(t.ownerType, t.ownerId),
    uniqueIndex('evidence_file_owner_sha').on(t.ownerType, t.ownerId, t.sha256),
  ],
);

// --- conformity verification (Z4) -------------------------------------------------------------------

/** An assessor's check of a self-reported submission: on-site, work-slip or comprehensive. */
export const verifications = pgTable(
  'verification',
  {
    id: id(),
    submissionId: ref('submission_id', () => submissions.id, 'cascade'),
    method: text('method').notNull(),
    result: text('result').notNull(),
    note: text('note'),
    /** The figure the assessor found; it replaces the submitted value in scoring. */
    correctedValue: num('corrected_value'),
    sampleId: integer('sample_id'),
    ...writtenBy('verified'),
  },
  (t) => [index('verification_submission').on(t.submissionId)],
);

/** A seeded, reproducible random draw of self-reported items for on-site checks. */
export const verificationSamples = pgTable('verification_sample', {
  id: id(),
  ...planPeriod(),
  seed: text('seed').notNull(),
  size: integer('size').notNull(),
  submissionIds: jsonb('submission_ids').$type<number[]>().notNull(),
  ...writtenBy('drawn'),
});

// --- supervision items (H6) -------------------------------------------------------------------------

/** An item of the supervision system, keyed by (source, external id) so re-imports update in place. */
export const supervisionItems = pgTable(
  'supervision_item',
  {
    id: id(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    planId: planRef(),
    unitId: unitRef(),
    indicator: text('indicator').notNull(),
    title: text('title').notNull(),
    progress: num('progress').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').notNull(),
    version: version(),
    importedAt: at('imported_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [uniqueIndex('supervision_item_source_external').on(t.source, t.externalId)],
);

/** Tokens with which a supervision system pushes items; only the SHA-256 is stored. */
export const apiTokens = pgTable('api_token', {
  id: id(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  ...writtenBy('created'),
  lastUsedAt: maybeAt('last_used_at'),
  revokedAt: maybeAt('revoked_at'),
});

// --- progress, notices, accountability (S9, S10, Z15) -----------------------------------------------

/**
 * A notice to a unit: an automatic reminder (提醒单), an urging notice (督查催办单) or an
 * observer's observation (Z15). open → acknowledged → answered → closed; may be escalated.
 */
export const notices = pgTable(
  'notice',
  {
    id: id(),
    kind: text('kind').notNull(),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    unitId: unitRef(),
    indicator: text('indicator'),
    period: text('period'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** An automatic reminder as `{ code, params }` (contracts notification-messages.ts; title and body keep its zh-CN text); null for a notice a person wrote. */
    code: text('code'),
    params: jsonb('params').$type<Record<string, string | number>>(),
    status: text('status').notNull().default('open'),
    dueDate: text('due_date'),
    ...writtenBy('issued'),
    ...stepBy('acknowledged'),
    answer: text('answer'),
    ...stepBy('answered'),
    version: version(),
  },
  (t) => [
    index('notice_unit_status').on(t.unitId, t.status),
    // One automatic reminder per lagging item and period.
    uniqueIndex('notice_reminder_once')
      .on(t.planId, t.unitId, t.indicator, t.period)
      .where(sql`kind = 'reminder'`),
  ],
);

/** Serious delay turned into a proposal for the discipline body (S10). */
export const accountabilityProposals = pgTable('accountability_proposal', {
  id: id(),
  noticeId: ref('notice_id', () => notices.id, 'restrict'),
  unitId: unitRef(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('proposed'),
  ...writtenBy('proposed'),
});

/** The frozen half-year result of a plan (S9), carried into the year-end total. */
export const halfYearResults = pgTable(
  'half_year_result',
  {
    id: id(),
    planId: planRef(),
    runId: ref('run_id', () => evaluationRuns.id, 'restrict'),
    ...writtenBy('frozen'),
  },
  (t) => [uniqueIndex('half_year_result_plan').on(t.planId)],
);

// --- notifications and announcements (S4) -----------------------------------------------------------

/** In-app notification (bell, to-do); mailed when SMTP is configured. */
export const notifications = pgTable(
  'notification',
  {
    id: id(),
    userId: ref('user_id', () => users.id, 'cascade'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A message of the system as `{ code, params }` (contracts notification-messages.ts); null for text a person wrote. */
    code: text('code'),
    params: jsonb('params').$type<Record<string, string | number>>(),
    link: text('link'),
    /** A to-do stays until done; plain information until read. */
    todo: boolean('todo').notNull().default(false),
    createdAt: at('created_at'),
    readAt: maybeAt('read_at'),
    doneAt: maybeAt('done_at'),
    emailedAt: maybeAt('emailed_at'),
  },
  (t) => [index('notification_user_read').on(t.userId, t.readAt)],
);

/** An announcement (信息发布) to all units or chosen ones. */
export const announcements = pgTable('announcement', {
  id: id(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** Empty = every unit. */
  unitIds: jsonb('unit_ids').$type<number[]>().notNull().default([]),
  ...writtenBy('published'),
});
