import { z } from 'zod';
import { dayCode } from './beijing.js';
import { planPeriod, row, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { compareUnit } from './run-compare.js';

/**
 * Objections during publicity (S13): a unit contests one of its indicator scores, deductions,
 * bonuses or vetoes; the lead department answers; the unit accepts or escalates; the leadership
 * group decides. An accepted adjustment makes a new version of the run.
 */

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/** What is contested: an indicator's score (by code), a deduction or bonus (by its place in the unit's list), a veto (by event). */
export const objectionTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('indicator'), code: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('deduction'), index: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('bonus'), index: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('veto'), event: z.string().min(1).max(64) }),
]);
export type ObjectionTarget = z.infer<typeof objectionTarget>;

/**
 * The change an accepted objection makes to the run's input: an indicator's new reported value, a
 * deduction's or bonus's new points (0 withdraws it), or the veto lifted.
 */
export const objectionAdjustment = z.union([
  z.strictObject({ value: z.number().finite() }),
  z.strictObject({ points: z.number().finite().min(0) }),
  z.strictObject({ lift: z.literal(true) }),
]);
export type ObjectionAdjustment = z.infer<typeof objectionAdjustment>;

export const objectionStatuses = [
  /** Filed; the lead department answers. */
  'filed',
  /** Answered; the unit accepts or escalates. */
  'answered',
  /** Escalated; the leadership group decides. */
  'escalated',
  /** Settled: the unit accepted the answer, or the leaders decided. */
  'closed',
  'withdrawn',
] as const;
export const objectionStatus = z.enum(objectionStatuses);
export type ObjectionStatus = z.infer<typeof objectionStatus>;

/** An answer or a decision: uphold the score (with an explanation) or adjust it. */
export const objectionVerdict = z.discriminatedUnion('verdict', [
  z.strictObject({ verdict: z.literal('reject'), explanation: text(2000) }),
  z.strictObject({ verdict: z.literal('adjust'), explanation: text(2000), adjustment: objectionAdjustment }),
]);
export type ObjectionVerdict = z.infer<typeof objectionVerdict>;

export const newObjection = z.strictObject({
  runId: z.number().int().positive(),
  unit: z.string().min(1).max(64),
  target: objectionTarget,
  reason: text(2000),
});
export type NewObjection = z.infer<typeof newObjection>;

export const objectionAnswer = z.strictObject({ ...versioned, answer: objectionVerdict });
export const objectionResponse = z.strictObject({
  ...versioned,
  action: z.enum(['accept', 'escalate']),
  /** Why the unit escalates (required then). */
  reason: z.string().trim().max(2000).optional(),
});
export const objectionDecision = z.strictObject({ ...versioned, decision: objectionVerdict });
export const objectionWithdrawal = z.strictObject({ ...versioned });

export const objectionQuery = z.strictObject({
  planId: id.optional(),
  period: z.string().optional(),
  status: objectionStatus.optional(),
  /** Only those waiting for the caller (to answer, to respond, to decide). */
  todo: z.enum(['1']).optional(),
});

export const objection = row({
  ...planPeriod,
  /** The run it was filed against. */
  runId: z.number().int(),
  ...unitRef,
  target: objectionTarget,
  /** The contested item as the run shows it: indicator name and score, or the event's reason and points. */
  targetLabel: z.string(),
  targetScore: z.number().nullable(),
  /** The lead department that answers (the indicator's owner), null when the office answers. */
  lead: z.string().nullable(),
  reason: z.string(),
  evidence: z.array(z.object({ id: z.number().int(), fileName: z.string() })),
  status: objectionStatus,
  ...stamp('filed'),
  /** Until the end of this Beijing day the lead department answers. */
  answerDue: dayCode,
  answer: objectionVerdict.nullable(),
  ...stampOrNull('answered'),
  /** Until the end of this Beijing day the unit accepts or escalates (null before the answer). */
  respondDue: dayCode.nullable(),
  escalation: z.string().nullable(),
  ...stampOrNull('escalated'),
  decision: objectionVerdict.nullable(),
  ...stampOrNull('decided'),
  /** How it ended: the verdict that stands ('adjust' made `resultRunId`). */
  outcome: z.enum(['upheld', 'adjusted', 'withdrawn']).nullable(),
  resultRunId: z.number().int().nullable(),
  /** The change of the unit's standing the adjustment made (null unless adjusted). */
  effect: compareUnit.nullable(),
  /** What the caller may do now. */
  can: z.object({ answer: z.boolean(), respond: z.boolean(), decide: z.boolean(), withdraw: z.boolean() }),
  ...versioned,
});
export type Objection = z.infer<typeof objection>;

/** A bonus or deduction of a unit as the publicity lists it; `index`: its place among the unit's items (what an objection names). */
const eventItem = { unit: z.string(), name: z.string(), index: z.number().int(), points: z.number() };

/** Window and counts of a run's publicity, with every bonus of every unit (W9). */
export const publicityView = z.object({
  runId: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Whether objections may still be filed now. */
  open: z.boolean(),
  bonuses: z.array(z.object({ ...eventItem, source: z.string(), reason: z.string().nullable() })),
  /** Deductions the caller may see: its own units' (the office: all). */
  deductions: z.array(z.object({ ...eventItem, reason: z.string(), indicator: z.string().nullable() })),
  objections: z.object({ open: z.number().int(), closed: z.number().int() }),
});
export type PublicityView = z.infer<typeof publicityView>;
