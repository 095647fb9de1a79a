import { z } from 'zod';
import { stepSchema } from './explain/steps.js';
import { stamp, unitRef, versioned } from './fields.js';
import { expertRef } from './innovation-defence.js';
import { scoringSettings } from './innovation-scoring.js';

/**
 * The call's results (issue 12 point 5): the engine's panel scores, ranks per category, the top ten
 * (十优), the judges' dispersion and rank → bonus proposals under the plan's cap, which the office
 * applies as bonus events of the plan (docs/innovation.md).
 */

// --- results ---------------------------------------------------------------------------------------

export const panelEntry = z.object({
  /** Null when the names are not the caller's to see. */
  judge: expertRef.nullable(),
  raw: z.number(),
  score: z.number(),
  kept: z.boolean(),
});

export const projectResult = z.object({
  projectId: z.number().int(),
  title: z.string(),
  ...unitRef,
  category: z.string(),
  categoryName: z.string(),
  /** The reported (rounded) panel score, and the unrounded mean. */
  score: z.number(),
  mean: z.number(),
  trimmed: z.boolean(),
  judges: z.number().int(),
  /** Competition rank within the category, of `inCategory` projects. */
  rank: z.number().int(),
  inCategory: z.number().int(),
  overallRank: z.number().int(),
  topTen: z.boolean(),
  seat: z.number().int().nullable(),
  /** The bonus this project earned and was granted under the cap (null: none). */
  bonus: z.object({ earned: z.number(), points: z.number() }).nullable(),
  panel: z.array(panelEntry),
  /** The engine's explanation: panel, category rank, top ten, bonus. */
  steps: z.array(stepSchema),
});
export type ProjectResult = z.infer<typeof projectResult>;

export const bonusProposal = z.object({
  projectId: z.number().int(),
  title: z.string(),
  ...unitRef,
  category: z.string(),
  rank: z.number().int(),
  source: z.string(),
  earned: z.number(),
  /** After the cap (0: cut entirely — a proposal only, never an event). */
  points: z.number(),
  steps: z.array(stepSchema),
});
export type BonusProposalView = z.infer<typeof bonusProposal>;

export const judgeDispersionView = z.object({
  judge: expertRef,
  n: z.number().int(),
  mad: z.number(),
  bias: z.number(),
  z: z.number(),
  flagged: z.boolean(),
  steps: z.array(stepSchema),
});

export const innovationResults = z.object({
  callId: z.number().int(),
  ...stamp('computed'),
  settings: scoringSettings,
  /** The plan and source the bonus goes to, with the cap per unit (null: not configured). */
  plan: z
    .object({
      id: z.number().int(),
      name: z.string(),
      year: z.number().int(),
      period: z.string(),
      source: z.string(),
      sourceName: z.string(),
      cap: z.number().nullable(),
    })
    .nullable(),
  /** Ranked projects by category, then rank (a unit: its own only). */
  projects: z.array(projectResult),
  /** Project ids of the top ten in seat order (a unit: its own only). */
  topTen: z.array(z.number().int()),
  /** Projects not counted: not closed yet, or closed without a sheet. */
  left: z.array(
    z.object({
      projectId: z.number().int(),
      title: z.string(),
      reason: z.enum(['not_closed', 'no_sheets']),
    }),
  ),
  /** Office and leaders only (empty for units). */
  dispersion: z.object({ threshold: z.number(), mean: z.number(), sd: z.number() }).nullable(),
  judges: z.array(judgeDispersionView),
  proposals: z.array(bonusProposal),
  units: z.array(
    z.object({
      ...unitRef,
      cap: z.number().nullable(),
      already: z.number(),
      earned: z.number(),
      points: z.number(),
      steps: z.array(stepSchema),
    }),
  ),
  /** Sheets changed or projects closed since the computation: compute again before applying. */
  stale: z.boolean(),
  /** The last application as bonus events (null: not applied). */
  applied: z.object({ ...stamp('applied'), events: z.number().int(), points: z.number() }).nullable(),
  ...versioned,
});
export type InnovationResults = z.infer<typeof innovationResults>;

export const resultsApply = z.strictObject({
  /** The results' version the office saw. */
  version: z.number().int(),
});

export const applyOutcome = z.object({
  /** Bonus events now standing for this call. */
  events: z.array(
    z.object({
      eventId: z.number().int(),
      projectId: z.number().int(),
      ...unitRef,
      points: z.number(),
      reason: z.string(),
    }),
  ),
  created: z.number().int(),
  /** Earlier events of this call withdrawn (replaced). */
  withdrawn: z.number().int(),
  /** Nothing changed: the same events already stood. */
  unchanged: z.boolean(),
  results: innovationResults,
});
export type ApplyOutcome = z.infer<typeof applyOutcome>;
