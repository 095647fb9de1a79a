import { z } from 'zod';
import { dayCode } from './beijing.js';
import { row, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { evidenceFile } from './submissions.js';

/**
 * The year-end expert review (S11, issue 12 point 6): the office assigns experts to units of a plan;
 * an expert compares a unit's issued targets with its year values and evidence and raises inquiries
 * (质询) with a deadline; the unit answers with evidence; the expert closes an answered inquiry, with
 * or without a deduction; an inquiry left unanswered past its deadline costs the plan's
 * `inquiry.unansweredPoints`. docs/inquiries.md describes it.
 */

/** Stored states; `overdue` is an open inquiry whose deadline's Beijing day has ended (derived). */
export const inquiryStatuses = ['open', 'overdue', 'answered', 'closed', 'penalised'] as const;
export const inquiryStatus = z.enum(inquiryStatuses);
export type InquiryStatus = z.infer<typeof inquiryStatus>;

export const inquiryAssignment = row({
  planId: z.number().int(),
  year: z.number().int(),
  expertUserId: z.number().int(),
  expertName: z.string(),
  ...unitRef,
  /** Inquiries of this expert on this unit, by derived status. */
  counts: z.object({ open: z.number().int(), answered: z.number().int(), done: z.number().int() }),
  ...stamp('assigned'),
});
export type InquiryAssignment = z.infer<typeof inquiryAssignment>;

export const inquiryAssignmentQuery = z.strictObject({
  planId: z.coerce.number().int().positive().optional(),
  expertUserId: z.coerce.number().int().positive().optional(),
});

/** The office assigns one expert to some units of a plan (an existing pair is kept). */
export const inquiryAssign = z.strictObject({
  planId: z.number().int().positive(),
  expertUserId: z.number().int().positive(),
  unitIds: z.array(z.number().int().positive()).min(1).max(200),
});
export const inquiryAssignResult = z.object({ created: z.number().int(), kept: z.number().int() });

/** An account that holds the expert role (for the office's assignment). */
export const inquiryExpert = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
});

/** One indicator of a unit in the review: its issued target, its newest year value and the evidence. */
export const inquiryReviewLine = z.object({
  indicator: z.string(),
  name: z.string(),
  measureUnit: z.string().nullable(),
  target: z.number().nullable(),
  baseline: z.number().nullable(),
  /** The newest submitted value of the plan's year (the year report, else the latest month). */
  value: z.number().nullable(),
  period: z.string().nullable(),
  submissionStatus: z.string().nullable(),
  evidence: z.array(evidenceFile),
});
export const inquiryReview = z.object({
  assignmentId: z.number().int(),
  planId: z.number().int(),
  planName: z.string(),
  year: z.number().int(),
  ...unitRef,
  /** The unit's task book is issued (its targets are the approved ones). */
  taskBookIssued: z.boolean(),
  lines: z.array(inquiryReviewLine),
});
export type InquiryReview = z.infer<typeof inquiryReview>;

export const inquiry = row({
  planId: z.number().int(),
  ...unitRef,
  expertUserId: z.number().int(),
  expertName: z.string(),
  indicator: z.string().nullable(),
  question: z.string(),
  /** The last Beijing day the unit may answer. */
  deadline: z.string(),
  status: inquiryStatus,
  answer: z.string().nullable(),
  ...stampOrNull('answered'),
  ...stampOrNull('closed'),
  closeNote: z.string().nullable(),
  deductionPoints: z.number().nullable(),
  deductionReason: z.string().nullable(),
  /** The deduction event the expert's deduction or the overdue penalty recorded. */
  eventId: z.number().int().nullable(),
  evidence: z.array(evidenceFile),
  ...stamp('created'),
  /** What the caller may do now. */
  can: z.object({ answer: z.boolean(), close: z.boolean() }),
  ...versioned,
});
export type Inquiry = z.infer<typeof inquiry>;

export const inquiryQuery = z.strictObject({
  planId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: inquiryStatus.optional(),
});

export const inquiryCreate = z.strictObject({
  assignmentId: z.number().int().positive(),
  indicator: z.string().trim().min(1).max(64).optional(),
  question: z.string().trim().min(1).max(2000),
  deadline: dayCode,
});
export type InquiryCreate = z.infer<typeof inquiryCreate>;

export const inquiryAnswer = z.strictObject({
  answer: z.string().trim().min(1).max(4000),
  version: z.number().int().positive(),
});

/** The expert closes an answered inquiry: without a deduction, or with points (> 0) and a reason. */
export const inquiryClose = z.strictObject({
  note: z.string().trim().max(1000).optional(),
  deduction: z
    .strictObject({
      points: z.number().gt(0).max(100),
      reason: z.string().trim().min(1).max(1000),
    })
    .optional(),
  version: z.number().int().positive(),
});
export type InquiryCloseBody = z.infer<typeof inquiryClose>;

export const inquiryPenalise = z.strictObject({ planId: z.number().int().positive() });
export const inquiryPenaliseResult = z.object({
  penalised: z.number().int(),
  points: z.number(),
});
