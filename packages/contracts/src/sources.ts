import { VALUE_FIELDS } from '@jixiao/engine';
import { z } from 'zod';

// --- where a number came from -------------------------------------------------------------------

export const sourceKind = z.enum([
  'submission',
  'verification',
  'import_batch',
  'task_book',
  'supervision',
  'reference',
  'event',
  'half_year',
  'survey',
  'hotline',
  'missing',
]);
export type SourceKind = z.infer<typeof sourceKind>;

/**
 * One input of a unit's result and its origin. `id` names the row (submission, verification,
 * import batch, task book, event); `period` is the period the figure was reported for.
 */
export const valueSource = z.object({
  indicator: z.string().nullable(),
  /** One of the engine's value fields, or where an expert score, event or half-year base came from. */
  field: z.enum([...VALUE_FIELDS, 'scores', 'event', 'halfYear']),
  kind: sourceKind,
  id: z.number().int().nullable(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  /** A target scaled to the period (S9): the full-year target and the share applied. */
  fullTarget: z.number().nullable().optional(),
  share: z.number().nullable().optional(),
  /** A verified correction: the value the unit had submitted. */
  submitted: z.number().nullable().optional(),
  /** A survey value: the ballots it rests on; a hotline figure: the work orders it rests on. */
  n: z.number().int().nullable().optional(),
  /** A hotline figure: which one (volume, timelyRate, completionRate, satisfaction). */
  figure: z.string().nullable().optional(),
  /** For `missing`: what the plan's policy did (reweight, pending, zero, carry_forward, penalty, unverified…); for `survey`, why the value is missing (below_sample, no_ballots). */
  policy: z.string().nullable().optional(),
  submissionId: z.number().int().nullable().optional(),
  /** The import batch that brought the figure in (submissions and reference values of a data file). */
  importBatchId: z.number().int().nullable().optional(),
  by: z.string().nullable().optional(),
  at: z.string().nullable().optional(),
});
export type ValueSource = z.infer<typeof valueSource>;
