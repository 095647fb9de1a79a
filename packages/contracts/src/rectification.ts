import { z } from 'zod';
import { dayCode } from './beijing.js';
import { closeWithNote, row, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { evidenceFile } from './submissions.js';

/**
 * Rectification (整改, issue 11 point 8) and units rating the lead departments (S14, point 9).
 * docs/rectification.md describes both.
 */

// --- rectification tasks ---------------------------------------------------------------------------

/** Where a weakness was found: a released run, a verification finding, an objection, a comment, a rating round, or the office itself. */
export const rectificationSourceKinds = [
  'result',
  'verification',
  'objection',
  'comment',
  'rating',
  'manual',
] as const;
export const rectificationSourceKind = z.enum(rectificationSourceKinds);
export type RectificationSourceKind = z.infer<typeof rectificationSourceKind>;

export const rectificationStatuses = ['open', 'reported', 'returned', 'closed'] as const;
export const rectificationStatus = z.enum(rectificationStatuses);
export type RectificationStatus = z.infer<typeof rectificationStatus>;

/** The source a task refers to: the run (result), verification, objection, comment or round id; for a result also the indicator code. */
export const rectificationSource = z.strictObject({
  kind: rectificationSourceKind,
  refId: z.number().int().positive().nullable().default(null),
  refKey: z.string().trim().min(1).max(64).nullable().default(null),
});
export type RectificationSource = z.infer<typeof rectificationSource>;

/** What was found, as `{ code, params }` (rendered by i18n), with the office's own words in `note`. */
export const rectificationWeakness = z.object({
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});
export type RectificationWeakness = z.infer<typeof rectificationWeakness>;

export const rectificationReport = row({
  percent: z.number().int(),
  text: z.string(),
  ...stamp('reported'),
});

export const rectificationTask = row({
  ...unitRef,
  source: z.object({
    kind: rectificationSourceKind,
    refId: z.number().int().nullable(),
    refKey: z.string().nullable(),
  }),
  title: z.string(),
  weakness: rectificationWeakness,
  measures: z.string(),
  /** Beijing day until which the unit has time. */
  deadline: z.string(),
  status: rectificationStatus,
  /** The deadline's Beijing day has ended and the task is not closed. */
  overdue: z.boolean(),
  /** The last report's percent (0 before any). */
  progress: z.number().int(),
  returnReason: z.string().nullable(),
  reports: z.array(rectificationReport),
  evidence: z.array(evidenceFile),
  ...stamp('created'),
  ...stampOrNull('closed'),
  closeNote: z.string().nullable(),
  /** What the caller may do now. */
  can: z.object({ report: z.boolean(), close: z.boolean(), return: z.boolean() }),
  ...versioned,
});
export type RectificationTask = z.infer<typeof rectificationTask>;

export const rectificationQuery = z.strictObject({
  status: rectificationStatus.optional(),
  sourceKind: rectificationSourceKind.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const measures = z.string().trim().max(2000);

/** The office creates one task from a source; `unitId` is needed where the source does not name the unit (manual, result). */
export const rectificationCreate = z.strictObject({
  source: rectificationSource,
  unitId: z.number().int().positive().optional(),
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
  measures: measures.default(''),
  deadline: dayCode,
});
export type RectificationCreate = z.infer<typeof rectificationCreate>;

/** Tasks from the weaknesses of a released run: every indicator where a unit lost more than `minLostShare` of its points. */
export const rectificationBulk = z.strictObject({
  runId: z.number().int().positive(),
  minLostShare: z.number().gt(0).lt(1),
  deadline: dayCode,
  measures: measures.default(''),
});
export const rectificationBulkResult = z.object({
  created: z.number().int(),
  /** Weaknesses that already had a task from this run. */
  skipped: z.number().int(),
});

export const rectificationStep = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('report'),
    percent: z.number().int().min(0).max(100),
    text: z.string().trim().min(1).max(2000),
    version: z.number().int(),
  }),
  closeWithNote,
  z.strictObject({
    action: z.literal('return'),
    reason: z.string().trim().min(1).max(500),
    version: z.number().int(),
  }),
]);
export type RectificationStepBody = z.infer<typeof rectificationStep>;

export const overdueRemindResult = z.object({ reminded: z.number().int() });

// --- rating the lead departments (S14) -------------------------------------------------------------

export const ratingCriteria = ['method', 'procedure', 'discipline', 'fairness'] as const;
export const ratingCriterion = z.enum(ratingCriteria);
export type RatingCriterion = z.infer<typeof ratingCriterion>;
/** Each criterion is scored on 0–RATING_MAX. */
export const RATING_MAX = 100;

const score = z.number().min(0).max(RATING_MAX);
export const ratingScores = z.strictObject({
  method: score,
  procedure: score,
  discipline: score,
  fairness: score,
});
export type RatingScores = z.infer<typeof ratingScores>;

export const ratingRoundStatus = z.enum(['open', 'closed']);

/** One department's result in a closed round. */
export const departmentRating = z.object({
  ...unitRef,
  raters: z.number().int(),
  /** Mean per criterion (null without raters). */
  means: z.object({
    method: z.number().nullable(),
    procedure: z.number().nullable(),
    discipline: z.number().nullable(),
    fairness: z.number().nullable(),
  }),
  overall: z.number().nullable(),
  poor: z.boolean(),
  /** Poor in the previous year's round of the same system too. */
  poorLastYear: z.boolean(),
  /** Poor two years running: loses its lead authority for the next cycle (S14). */
  losesLeadAuthority: z.boolean(),
  /** The rectification task a poor result created. */
  taskId: z.number().int().nullable(),
});
export type DepartmentRating = z.infer<typeof departmentRating>;

export const ratedDepartment = z.object({
  ...unitRef,
  /** The indicators it leads (its grants' refs). */
  indicators: z.array(z.string()),
});

export const ratingRound = row({
  systemId: z.number().int(),
  year: z.number().int(),
  status: ratingRoundStatus,
  /** A department with an overall mean below this is poor. */
  threshold: z.number(),
  max: z.number(),
  criteria: z.array(ratingCriterion),
  rectifyDeadline: z.string(),
  departments: z.array(ratedDepartment),
  ...stamp('opened'),
  ...stampOrNull('closed'),
  /** How many ratings are in (office and leaders). */
  ratings: z.number().int().nullable(),
  /** Results once closed: all for the office and leaders, its own for a rated department. */
  results: z.array(departmentRating),
  /** The caller's unit's ratings, by department id (units that rate). */
  mine: z.record(z.string(), ratingScores.extend({ comment: z.string().nullable() })).nullable(),
  /** The caller's unit (a department does not rate itself). */
  myUnitId: z.number().int().nullable(),
  ...versioned,
});
export type RatingRound = z.infer<typeof ratingRound>;

export const ratingRoundCreate = z.strictObject({
  systemId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  threshold: z.number().min(0).max(RATING_MAX).default(80),
  /** The departments to rate; default: every department holding a lead department's indicators grant. */
  departmentIds: z.array(z.number().int().positive()).min(1).max(200).optional(),
  /** Deadline of the rectification tasks a poor result creates; default 30 June of the next year. */
  rectifyDeadline: dayCode.optional(),
});

export const ratingSubmit = ratingScores.extend({ comment: z.string().trim().max(500).optional() });
export const ratingParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  departmentId: z.coerce.number().int().positive(),
});

/** One unit's rating, for the office only. */
export const unitRating = z.object({
  raterUnitId: z.number().int(),
  raterName: z.string(),
  departmentId: z.number().int(),
  scores: ratingScores,
  comment: z.string().nullable(),
  ...stamp('rated'),
});

export const leadDepartmentQuery = z.strictObject({ systemId: z.coerce.number().int().positive() });
export const leadDepartment = ratedDepartment.extend({
  /** The last closed round of the system found it poor two years running. */
  losesLeadAuthority: z.boolean(),
  /** The year of that round (the authority is lost for the cycle after it). */
  flaggedYear: z.number().int().nullable(),
});
