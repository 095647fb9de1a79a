import { z } from 'zod';
import { runStatus } from './plans.js';

/**
 * The public results page (S13, W9): runs the office published with `publicPage`, readable by
 * anyone without signing in. Only what an official notice would print: units (organisations), their
 * totals, ranks and grades per group. No person, no trace, no deduction reason, no objection.
 */
export const publicRunSummary = z.object({
  runId: z.number().int(),
  plan: z.string(),
  system: z.string(),
  year: z.number().int(),
  period: z.string(),
  /** In publicity (公示中, objections still possible) or the official release. */
  status: z.enum(['publicity', 'released']),
  /** The publicity's Beijing days. */
  from: z.string(),
  to: z.string(),
  /** The Beijing day of the release (审定), null while in publicity. */
  releasedDay: z.string().nullable(),
});
export type PublicRunSummary = z.infer<typeof publicRunSummary>;

export const publicUnit = z.object({
  unit: z.string(),
  name: z.string(),
  total: z.number(),
  rank: z.number().int(),
  grade: z.object({ code: z.string(), name: z.string(), color: z.string() }).nullable(),
});

/** A leaf group of a result with its units in published order (placement). */
export const rankedGroup = z.object({ code: z.string(), name: z.string(), units: z.array(publicUnit) });
export type RankedGroup = z.infer<typeof rankedGroup>;

export const publicRun = publicRunSummary.extend({
  /** Leaf groups in the plan's order. */
  groups: z.array(rankedGroup),
});
export type PublicRun = z.infer<typeof publicRun>;

export const publicRunParams = z.strictObject({ runId: z.coerce.number().int().positive() });

/**
 * The official results document (考评结果通报) of a run, printed on A4: the release, or any other
 * run as a draft marked unofficial. For those who see every unit (the office, leaders).
 */
export const resultsDocument = z.object({
  runId: z.number().int(),
  plan: z.string(),
  system: z.string(),
  year: z.number().int(),
  period: z.string(),
  status: runStatus,
  releasedDay: z.string().nullable(),
  groups: z.array(rankedGroup),
  awards: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      units: z.array(z.object({ unit: z.string(), name: z.string() })),
    }),
  ),
});
export type ResultsDocument = z.infer<typeof resultsDocument>;
