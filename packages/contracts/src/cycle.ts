import { z } from 'zod';
import { dayCode } from './beijing.js';
import { decision, planPeriod, row, stamp, unitRef, versioned } from './fields.js';
import { periodCode, runStatus, runSteps } from './plans.js';
import { evidenceFile } from './submissions.js';

/**
 * The evaluation loop (issue 8): veto / bonus / deduction events, data imports as batches, and
 * where each number of a run came from. One cycle input feeds official runs, live scores, the
 * half-year freeze and what-if; these are the shapes that travel between server and web.
 */

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

// --- events (W5, W9, W12, S8, S15, Z13) -----------------------------------------------------------

export const eventKind = z.enum(['veto', 'bonus', 'deduction']);
export type EventKind = z.infer<typeof eventKind>;
/** Bonuses wait for the office's approval; vetoes and deductions take effect when recorded. */
export const eventStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export type EventStatus = z.infer<typeof eventStatus>;

export const cycleEvent = row({
  planId: z.number().int(),
  /** The period the event counts in; it also counts in every later period of the year. */
  period: z.string(),
  ...unitRef,
  kind: eventKind,
  /** Bonus: the plan's bonus source code; veto: the event code (e.g. safety_accident). */
  code: z.string().nullable(),
  /** Deduction: the indicator it is charged to (optional). */
  indicator: z.string().nullable(),
  /** Points added (bonus) or deducted (deduction); null for a veto. */
  points: z.number().nullable(),
  reason: z.string(),
  status: eventStatus,
  source: z.enum(['entry', 'import']),
  importBatchId: z.number().int().nullable(),
  evidence: z.array(evidenceFile),
  ...stamp('created'),
  ...decision,
  ...versioned,
});
export type CycleEvent = z.infer<typeof cycleEvent>;

export const eventListQuery = z.strictObject({
  planId: id,
  period: periodCode.optional(),
  unitId: id.optional(),
  kind: eventKind.optional(),
  status: eventStatus.optional(),
});

export const eventCreate = z.strictObject({
  planId: z.number().int().positive(),
  period: periodCode,
  unitId: z.number().int().positive(),
  kind: eventKind,
  code: text(64).min(1).nullable().optional(),
  indicator: text(64).min(1).nullable().optional(),
  points: z.number().finite().positive().max(1000).nullable().optional(),
  reason: text(2000).min(1),
});
export type EventCreate = z.infer<typeof eventCreate>;

export const eventDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: text(2000).nullable().optional(),
  ...versioned,
});
export const eventWithdraw = z.strictObject({ reason: text(2000).min(1), version: z.number().int() });

// --- data imports (a data file fills the cycle's tables as one batch) -----------------------------

/** One problem of an import row: rendered by the web from code + params (line, column). */
export const importProblem = z.object({
  line: z.number().int(),
  /** The column (unit, indicator, period, value, kind, reason) or `file` / `header`. */
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** English text for logs and the CLI; the UI renders code + params. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importCounts = z.object({
  values: z.number().int(),
  references: z.number().int(),
  bonuses: z.number().int(),
  deductions: z.number().int(),
  vetoes: z.number().int(),
});

export const importPreview = z.object({
  ...planPeriod,
  fileName: z.string(),
  /** SHA-256 of the file: confirming sends the same file and this hash. */
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']),
  rows: z.number().int(),
  counts: importCounts,
  problems: z.array(importProblem),
  /** The first rows as read, for the preview table. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      unit: z.string(),
      indicator: z.string(),
      kind: z.string(),
      value: z.string(),
      reason: z.string(),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importBatch = row({
  ...planPeriod,
  fileName: z.string(),
  sha256: z.string(),
  format: z.string(),
  rows: z.number().int(),
  counts: importCounts,
  ...stamp('created'),
});
export type ImportBatch = z.infer<typeof importBatch>;

export const importQuery = z.strictObject({ period: periodCode });

// --- runs: draft → publicity → approval → released ----------------------------------------------------------------------

export const runSummary = row({
  ...planPeriod,
  status: runStatus,
  planRevision: z.number().int(),
  ...stamp('computed'),
  ...runSteps,
  /** The newest run of its plan and period (only the newest can be released). */
  latest: z.boolean(),
  units: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummary>;

export const runParams = z.strictObject({ id, runId: id });
/** Publish a run for publicity (公示) between two Beijing days, with the objection deadlines. */
export const publishRun = z
  .strictObject({
    from: dayCode,
    to: dayCode,
    /** Days the lead department has to answer an objection. */
    answerDays: z.number().int().min(1).max(30).default(5),
    /** Days the unit has to accept or escalate the answer. */
    respondDays: z.number().int().min(1).max(30).default(3),
    publicPage: z.boolean().default(false),
  })
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'the publicity ends before it starts' });
/** The leaders send a run back to the office, saying why. */
export const returnRun = z.strictObject({ note: z.string().trim().min(1).max(2000) });
/** A released run is corrected by a new version computed from the cycle's data, with a reason. */
export const correctRun = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const runListQuery = z.strictObject({ period: periodCode.optional() });
export const resultsQuery = z.strictObject({ period: periodCode, run: id.optional() });

/** The stored input of a run (what-if starts from it; it never writes back). */
export const runInput = z.object({
  runId: z.number().int(),
  period: z.string(),
  input: z.record(z.string(), z.unknown()),
});
export type RunInput = z.infer<typeof runInput>;
