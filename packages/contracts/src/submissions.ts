import { z } from 'zod';
import { stepSchema } from './explain/steps.js';
import { figureNote, planPeriod, row, scoredUnit, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { periodCode } from './plans.js';
import { valueSource } from './sources.js';

/**
 * Data submission with evidence (Z4, G5), conformity verification (Z4) and live scores (Z6, S9).
 * Values are JSON numbers; the server refuses NaN, strings and infinities with the field named.
 */

export const submissionStatus = z.enum(['draft', 'submitted', 'verified', 'returned']);
export type SubmissionStatus = z.infer<typeof submissionStatus>;
export const submissionSource = z.enum(['unit', 'provider', 'supervision', 'import']);
export const verificationMethod = z.enum(['on_site', 'work_slip', 'comprehensive']);
export type VerificationMethod = z.infer<typeof verificationMethod>;

const id = z.coerce.number().int().positive();
const finite = z.number().finite();
const text = (max: number) => z.string().trim().max(max);

export const evidenceFile = row({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  ...stamp('uploaded'),
});
export type EvidenceFile = z.infer<typeof evidenceFile>;

export const submission = row({
  ...planPeriod,
  unitId: z.number().int(),
  indicator: z.string(),
  value: z.number().nullable(),
  ...figureNote,
  status: submissionStatus,
  source: submissionSource,
  returnReason: z.string().nullable(),
  late: z.boolean(),
  ...stampOrNull('submitted'),
  ...stampOrNull('verified'),
  ...versioned,
  updatedAt: z.string(),
  evidenceCount: z.number().int(),
});
export type Submission = z.infer<typeof submission>;

/** One (unit, indicator) slot of a period: what the form shows, with its submission if any. */
export const submissionSlot = z.object({
  ...unitRef,
  indicator: z.string(),
  indicatorName: z.string(),
  /** The indicator's unit of measure in the plan; values must carry the same one. */
  measureUnit: z.string().nullable(),
  owner: z.string().nullable(),
  /** Z4: the value comes from a designated data provider, not from the unit. */
  providerOwned: z.boolean(),
  canWrite: z.boolean(),
  submission: submission.nullable(),
  /** The plan's reporting frequency makes this report due in the period (absent: the plan does not say). */
  due: z.boolean().optional(),
});
export type SubmissionSlot = z.infer<typeof submissionSlot>;

export const submissionListQuery = z.strictObject({
  planId: id,
  period: periodCode,
  unitId: id.optional(),
  status: submissionStatus.optional(),
});

export const submissionList = z.object({
  ...planPeriod,
  /** Where the period stands: open, late, closed… (null when the plan has no calendar for it). */
  periodState: z.string().nullable(),
  items: z.array(submissionSlot),
});
export type SubmissionList = z.infer<typeof submissionList>;

export const submissionCreate = z.strictObject({
  planId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  indicator: z.string().trim().min(1).max(64),
  period: periodCode,
  value: finite,
  measureUnit: text(32).nullable().optional(),
  note: text(1000).nullable().optional(),
  /** true: submit now; false: keep as a draft. */
  submit: z.boolean().default(true),
});
export type SubmissionCreate = z.infer<typeof submissionCreate>;

export const submissionUpdate = z.strictObject({
  value: finite,
  measureUnit: text(32).nullable().optional(),
  note: text(1000).nullable().optional(),
  submit: z.boolean().default(true),
  /** Required when correcting a verified value (G5). */
  reason: text(500).optional(),
  ...versioned,
});
export type SubmissionUpdate = z.infer<typeof submissionUpdate>;

export const submissionHistoryEntry = z.object({
  value: z.number().nullable(),
  status: z.string(),
  reason: z.string().nullable(),
  ...stamp('changed'),
});

export const verificationRecord = row({
  submissionId: z.number().int(),
  method: verificationMethod,
  result: z.enum(['pass', 'fail']),
  note: z.string().nullable(),
  /** The value the assessor found, when it differs from the submitted one: it replaces it in scoring. */
  correctedValue: z.number().nullable(),
  sampleId: z.number().int().nullable(),
  ...stamp('verified'),
  evidence: z.array(evidenceFile),
});
export type VerificationRecord = z.infer<typeof verificationRecord>;

/** The names a submission is shown with: its unit's code and name, its indicator's name. */
const submissionNames = { unitCode: z.string(), unitName: z.string(), indicatorName: z.string() };

export const submissionDetail = submission.extend({
  ...submissionNames,
  history: z.array(submissionHistoryEntry),
  evidence: z.array(evidenceFile),
  verifications: z.array(verificationRecord),
});
export type SubmissionDetail = z.infer<typeof submissionDetail>;

export const submissionFileQuery = z.strictObject({ planId: id, period: periodCode });
export const uploadResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type UploadResult = z.infer<typeof uploadResult>;

// --- verification ---------------------------------------------------------------------------------

export const verificationQueueQuery = z.strictObject({ planId: id, period: periodCode.optional() });
export const verificationQueueItem = z.object({
  submission,
  ...submissionNames,
  /** Drawn for an on-site check by this sample. */
  sampleId: z.number().int().nullable(),
});
export type VerificationQueueItem = z.infer<typeof verificationQueueItem>;
export const verificationCreate = z.strictObject({
  submissionId: z.number().int().positive(),
  method: verificationMethod,
  result: z.enum(['pass', 'fail']),
  /** Why it failed (required on fail): sent to the unit with the return. Required with a correction. */
  note: text(1000).nullable().optional(),
  /** Pass with a corrected value (the verified figure replaces the submitted one). */
  correctedValue: finite.nullable().optional(),
  ...versioned,
});
export const sampleCreate = z.strictObject({
  planId: z.number().int().positive(),
  period: periodCode,
  size: z.number().int().min(1).max(1000),
  seed: z.string().trim().min(1).max(100),
});
export const verificationSample = row({
  ...planPeriod,
  seed: z.string(),
  size: z.number().int(),
  submissionIds: z.array(z.number().int()),
  ...stamp('drawn'),
});
export type VerificationSample = z.infer<typeof verificationSample>;
export const planIdQuery = z.strictObject({ planId: id });
export const verificationCounts = z.array(
  z.object({
    ...unitRef,
    on_site: z.number().int(),
    work_slip: z.number().int(),
    comprehensive: z.number().int(),
    total: z.number().int(),
  }),
);
/** One unit's verification count by method. */
export type VerificationCount = z.infer<typeof verificationCounts>[number];

// --- live scores ----------------------------------------------------------------------------------

export const livePlanParam = z.strictObject({ planId: id });
export const liveQuery = z.strictObject({ period: periodCode });
export const lostPoints = z.object({
  code: z.string(),
  name: z.string(),
  full: z.number(),
  score: z.number().nullable(),
  lost: z.number(),
  /** The method's arithmetic and the score, as explanation steps (explain/steps.ts). */
  steps: z.array(stepSchema),
  vars: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  notes: z.array(stepSchema),
  /** Where the leaf's inputs came from (submission, verification, task book, import, missing policy). */
  sources: z.array(valueSource).optional(),
});
export const liveUnit = z.object({
  ...scoredUnit,
  total: z.number(),
  rank: z.number().int(),
  grade: z.object({ code: z.string(), name: z.string(), color: z.string() }).nullable(),
  /** Only for a single unit's view (the caller's own unit). */
  lost: z.array(lostPoints).optional(),
});
export const liveScores = z.object({
  ...planPeriod,
  computedAt: z.string(),
  /** Submitted and verified values that entered the computation. */
  values: z.number().int(),
  halfYearFrozen: z.boolean(),
  units: z.array(liveUnit),
});
export type LiveScores = z.infer<typeof liveScores>;
export const halfYearFreeze = z.object({
  planId: z.number().int(),
  runId: z.number().int(),
  period: z.string(),
  frozenAt: z.string(),
  units: z.number().int(),
});
