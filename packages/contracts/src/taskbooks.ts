import { z } from 'zod';
import { decision, figureNote, planPeriod, row, stamp, stampOrNull, unitRef, versioned } from './fields.js';

/*
 * Task books (W10, S4), decomposition (S1), periods and deadlines (S9, G7). Numbers users enter
 * are JSON numbers with at most 6 decimals (stored as exact numeric(20, 6)).
 */

const isoDate = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(1, 'a reason is required').max(1000);
const version = z.number().int().min(0);

// --- periods -----------------------------------------------------------------------------------------

export const periodStates = ['not_open', 'open', 'late', 'closed', 'reopened'] as const;
export const periodStateEnum = z.enum(periodStates);
export type PeriodStateName = (typeof periodStates)[number];

export const periodReopening = row({
  period: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  reason: z.string(),
  until: z.string(),
  ...stamp('created'),
});
export type PeriodReopening = z.infer<typeof periodReopening>;

export const periodWindow = row({
  ...planPeriod,
  opensAt: z.string(),
  dueAt: z.string(),
  closed: z.boolean(),
  /** State now, without any unit's reopening. */
  state: periodStateEnum,
  ...versioned,
  reopenings: z.array(periodReopening),
});
export type PeriodWindow = z.infer<typeof periodWindow>;
export const periodWindowList = z.array(periodWindow);

export const granularity = z.enum(['month', 'quarter', 'half', 'year']);
export const generateCalendarRequest = z.strictObject({
  granularities: z.array(granularity).min(1).default(['month', 'quarter', 'half', 'year']),
});

export const periodWindowUpdate = z
  .strictObject({
    opensAt: isoDate.optional(),
    dueAt: isoDate.optional(),
    closed: z.boolean().optional(),
    version,
  })
  .refine((v) => !v.opensAt || !v.dueAt || new Date(v.opensAt) < new Date(v.dueAt), {
    message: 'opensAt must be before dueAt',
    path: ['dueAt'],
  });
export type PeriodWindowUpdate = z.infer<typeof periodWindowUpdate>;

export const reopenRequest = z.strictObject({
  unitId: z.number().int().positive(),
  reason,
  until: isoDate,
});
export type ReopenRequest = z.infer<typeof reopenRequest>;

// --- task books --------------------------------------------------------------------------------------

/** An amount users type: finite, |x| < 10^14, at most 6 decimals (exact numeric storage). */
export const amount = z
  .number()
  .finite()
  .refine((n) => Math.abs(n) < 1e14 && Number(n.toFixed(6)) === n, 'at most 6 decimals and below 10^14');

export const taskBookStatusEnum = z.enum(['draft', 'submitted', 'confirmed', 'reviewed', 'issued']);
export type TaskBookStatusName = z.infer<typeof taskBookStatusEnum>;
export const taskBookActionEnum = z.enum(['submit', 'confirm', 'return', 'review', 'issue']);
export const decompositionRule = z.enum(['sum', 'each', 'free']);
export type DecompositionRule = z.infer<typeof decompositionRule>;

export const taskTargetInput = z.strictObject({
  indicator: z.string().trim().min(1).max(64),
  target: amount.nullable(),
  baseline: amount.nullable().optional(),
  measureUnit: z.string().trim().max(40).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type TaskTargetInput = z.infer<typeof taskTargetInput>;

export const taskTarget = z.object({
  indicator: z.string(),
  name: z.string(),
  /** Code path from the top indicator, e.g. "T2 › T2.K1". */
  path: z.string(),
  leadDept: z.string().nullable(),
  decomposition: decompositionRule,
  target: z.number().nullable(),
  baseline: z.number().nullable(),
  ...figureNote,
  /** Whether the current user reviews this indicator (lead department or office). */
  reviewable: z.boolean(),
});
export type TaskTarget = z.infer<typeof taskTarget>;

export const taskBookSummary = row({
  planId: z.number().int(),
  ...unitRef,
  status: taskBookStatusEnum,
  revision: z.number().int(),
  returnReason: z.string().nullable(),
  targetsSet: z.number().int(),
  targetsTotal: z.number().int(),
  pendingChange: z.boolean(),
  ...versioned,
  updatedAt: z.string(),
});
export type TaskBookSummary = z.infer<typeof taskBookSummary>;
export const taskBookList = z.object({
  items: z.array(taskBookSummary),
  /** Units in the actor's scope that have no task book yet (to start one). */
  unitsWithout: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});
export type TaskBookList = z.infer<typeof taskBookList>;

export const changeRequest = row({
  taskBookId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  reason: z.string(),
  proposed: z.array(taskTargetInput),
  status: z.enum(['pending', 'approved', 'rejected']),
  ...stamp('requested'),
  ...decision,
  ...versioned,
});
export type ChangeRequest = z.infer<typeof changeRequest>;
export const changeRequestList = z.array(changeRequest);

export const taskBookDetail = taskBookSummary.extend({
  planName: z.string(),
  targets: z.array(taskTarget),
  ...stampOrNull('confirmed'),
  ...stampOrNull('reviewed'),
  ...stampOrNull('issued'),
  /** Steps the current user may take now. */
  actions: z.array(z.enum(['edit', 'submit', 'confirm', 'return', 'review', 'issue', 'request_change'])),
  changeRequests: z.array(changeRequest),
});
export type TaskBookDetail = z.infer<typeof taskBookDetail>;

export const createTaskBook = z.strictObject({ unitId: z.number().int().positive() });
export const saveTargets = z.strictObject({ version, targets: z.array(taskTargetInput).min(1).max(500) });
export type SaveTargets = z.infer<typeof saveTargets>;
export const taskBookTransition = z
  .strictObject({ action: taskBookActionEnum, version, reason: z.string().trim().max(1000).optional() })
  .refine((v) => v.action !== 'return' || (v.reason ?? '').length > 0, {
    message: 'a reason is required to return a task book',
    path: ['reason'],
  });
export type TaskBookTransition = z.infer<typeof taskBookTransition>;

export const taskBookRevision = z.object({
  revision: z.number().int(),
  targets: z.array(taskTargetInput),
  reason: z.string().nullable(),
  ...stamp('saved'),
});
export type TaskBookRevision = z.infer<typeof taskBookRevision>;
export const taskBookRevisionList = z.array(taskBookRevision);

export const changeRequestCreate = z.strictObject({
  reason,
  targets: z.array(taskTargetInput).min(1).max(500),
});
export type ChangeRequestCreate = z.infer<typeof changeRequestCreate>;
export const changeRequestQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending'),
});
export const changeRequestDecision = z
  .strictObject({ approve: z.boolean(), note: z.string().trim().max(1000).optional(), version })
  .refine((v) => v.approve || (v.note ?? '').length > 0, {
    message: 'a note is required to reject a change request',
    path: ['note'],
  });

// --- decomposition -----------------------------------------------------------------------------------

export const decompositionParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  indicator: z.string().min(1).max(64),
});

export const decompositionPartInput = z.strictObject({
  /** Client key, unique in the list; parents are named by key and come before their children. */
  key: z.string().min(1).max(64),
  parentKey: z.string().min(1).max(64).nullable(),
  orgNodeId: z.number().int().positive().nullable(),
  staffId: z.number().int().positive().nullable(),
  target: amount.nullable(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type DecompositionPartInput = z.infer<typeof decompositionPartInput>;

export const decompositionSave = z.strictObject({
  /** The stamp read with the tree: a save over someone else's newer save is refused (409). */
  stamp: z.string().max(4000),
  parts: z.array(decompositionPartInput).max(1000),
});

export const decompositionTree = z.object({
  taskBookId: z.number().int(),
  indicator: z.string(),
  name: z.string(),
  rule: decompositionRule,
  target: z.number().nullable(),
  stamp: z.string(),
  parts: z.array(decompositionPartInput.extend({ label: z.string(), note: z.string().nullable() })),
  /** Who can receive a part: the unit's sections and sub-units, and their staff. */
  nodes: z.array(z.object({ id: z.number().int(), parentId: z.number().int().nullable(), name: z.string() })),
  staff: z.array(z.object({ id: z.number().int(), orgNodeId: z.number().int(), name: z.string() })),
});
export type DecompositionTree = z.infer<typeof decompositionTree>;
