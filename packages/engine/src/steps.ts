/**
 * Explanations as data: every formula and note of a trace is a step `{ code, params }`, never
 * prose. The engine imports nothing, so its codes are listed here as string literals;
 * packages/contracts declares the same codes with the shape of their params (a test checks the two
 * lists are identical) and holds one template per code in each language.
 *
 * Params carry numbers as numbers (cleaned to at most 10 significant digits, as the engine's
 * trace numbers always were); the renderer formats them.
 */
import { cleanNumber } from './rounding';

export const STEP_CODES = [
  // method heads and their arithmetic (leaves)
  'completion.formula',
  'pro_rata.formula',
  'pro_rata.reference',
  'ratio.higher',
  'ratio.lower',
  'ratio.lower_unbounded',
  'ratio.excess',
  'ratio.reached',
  'ratio.not_reached',
  'ratio.below',
  'total_growth.formula',
  'total_growth.result',
  'benchmark.ratio',
  'benchmark.difference',
  'benchmark.growth',
  'benchmark.ratio_result',
  'benchmark.difference_result',
  'bands.step',
  'bands.interpolate',
  'deduction.formula',
  'deduction.result',
  'rank.table',
  'rank.linear',
  'rank.position',
  'rank.table_result',
  'rank.linear_result',
  'rank.single',
  'efficacy.formula',
  'efficacy.result',
  'zscore.formula',
  'zscore.result',
  'zscore.flat',
  'expert_panel.formula',
  'expert_panel.result',
  'satisfaction.formula',
  'satisfaction.result',
  'manual.formula',
  'manual.result',
  // a leaf's score, or why it has none
  'leaf.score',
  'leaf.left_out',
  'leaf.not_applicable',
  // inner nodes and the base
  'aggregate.sum',
  'aggregate.weighted',
  'aggregate.reweighted',
  'aggregate.none',
  // plan settings of issue 9 point 8: rounded weighted products, weights from the data, component deductions
  'aggregate.products',
  'weights.entropy',
  'weights.critic',
  'weights.equal',
  'component.deductions',
  'base.half_year',
  'base.linked',
  // bonus, deductions, total, rounding, rank, grade
  'bonus.none',
  'bonus.capped',
  'deductions.none',
  'deductions.sum',
  'deductions.capped',
  'total',
  'rounding',
  'placement',
  'grade.level',
  'grade.none',
  'grade.vetoed',
  // innovation projects (issue 12 point 5, innovation/): a judge's sheet, the panel's score, the
  // category ranks, the top ten (十优), bonus proposals, judges far from their panels
  'innovation.criterion',
  'innovation.sheet',
  'innovation.judge_scale',
  'innovation.not_normalised',
  'innovation.normalised',
  'innovation.trimmed',
  'innovation.untrimmed',
  'innovation.category_rank',
  'innovation.top_ten',
  'innovation.top_ten_out',
  'innovation.tie_break',
  'innovation.bonus',
  'innovation.bonus_cut',
  'innovation.bonus_unit',
  'innovation.dispersion',
  'innovation.flagged',
  // notes
  'note.missing_input',
  'note.missing_policy',
  'note.division_by_zero',
  'note.scope',
  'note.sigma_zero',
  'note.few_scores',
  'note.reweighted',
  'note.no_limits',
  'note.not_finite',
] as const;

export type StepCode = (typeof STEP_CODES)[number];

/** A param: JSON data (numbers stay numbers; lists and records for terms and items). */
export type StepParam =
  | number
  | string
  | boolean
  | null
  | readonly StepParam[]
  | { readonly [key: string]: StepParam };

export interface Step {
  code: StepCode;
  params: Record<string, StepParam>;
}

/** A reported score in a formula: printed with `decimals` when its stage rounds, else as is. */
export interface ReportedParam {
  [key: string]: number | null;
  value: number;
  decimals: number | null;
}

export function step(code: StepCode, params: Record<string, StepParam> = {}): Step {
  return { code, params };
}

/**
 * Cleans step params in place as the trace prints numbers: at most 10 significant digits (no
 * binary noise), and a number JSON cannot carry (±Infinity, NaN) as null — in a trace a
 * `note.not_finite` says which var it was.
 */
export function cleanSteps(steps: Step[]): Step[] {
  const clean = (p: StepParam): StepParam => {
    if (typeof p === 'number') return Number.isFinite(p) ? cleanNumber(p) : null;
    if (Array.isArray(p)) return p.map(clean);
    if (p !== null && typeof p === 'object')
      return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, clean(v as StepParam)]));
    return p;
  };
  for (const s of steps) s.params = clean(s.params) as Record<string, StepParam>;
  return steps;
}
