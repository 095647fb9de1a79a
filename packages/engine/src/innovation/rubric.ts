import { roundDecimal } from '../rounding';
import { cleanSteps, type Step, step } from '../steps';
import { finite, type InnovationIssue, Issues } from './shared';

/**
 * The rubric an innovation project is judged by (issue 12 point 4): criteria with a weight and a
 * range each. Weights are fractions that sum to 1 (not points): the project's full score is the
 * rubric's `total` (default 100), and a criterion scored s in [min, max] earns
 *   part = total × weight × (s − min) ÷ (max − min),
 * so the judge's score is Σ part, from 0 to `total`. A rubric written in points (创新性 30 分 scored
 * 0–30, 实效性 40 分 scored 0–40, 可推广性 30 分 scored 0–30) becomes weights 0.3 / 0.4 / 0.3 with
 * those ranges, and the score is then exactly the sum of the points entered.
 */
export interface Criterion {
  code: string;
  name: string;
  /** Share of the total, > 0; the weights sum to 1. */
  weight: number;
  /** The range a judge scores this criterion in, min < max. */
  min: number;
  max: number;
}

export interface Rubric {
  criteria: readonly Criterion[];
  /** The project's full score (default 100). */
  total?: number;
  /** Decimals a judge's score is rounded to, half up (default 2). */
  decimals?: number;
}

/** One judge's sheet for one project: criterion code → score. */
export type Sheet = Readonly<Record<string, number>>;

/** A judge's score of one project, with each criterion's part and the explanation. */
export interface SheetScore {
  score: number;
  parts: { criterion: string; score: number; part: number }[];
  steps: Step[];
}

export type SheetResult = { ok: true; value: SheetScore } | { ok: false; issues: InnovationIssue[] };

/** How far the weights' sum may be from 1 (float input such as 0.1 + 0.2 + 0.7). */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** Every problem of a rubric at once (empty = valid). */
export function validateRubric(rubric: Rubric): InnovationIssue[] {
  const issues = new Issues();
  const criteria = Array.isArray(rubric?.criteria) ? rubric.criteria : [];
  if (criteria.length === 0) issues.add('required', 'criteria', 'the rubric needs at least one criterion');
  const total = rubric?.total;
  if (total !== undefined && !(finite(total) && total > 0))
    issues.add('total', 'total', 'total must be a number > 0', { value: total });
  const dec = rubric?.decimals;
  if (dec !== undefined && !(Number.isInteger(dec) && dec >= 0 && dec <= 8))
    issues.add('decimals', 'decimals', 'decimals must be a whole number 0–8', { value: dec });
  const seen = new Set<string>();
  let sum = 0;
  criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    const code = typeof c.code === 'string' ? c.code : '';
    if (code === '') issues.add('required', `${at}.code`, `criterion ${i + 1} has no code`);
    else if (seen.has(code))
      issues.add('duplicate', `${at}.code`, `criterion code ${code} is used twice`, { criterion: code });
    seen.add(code);
    if (!(finite(c.weight) && c.weight > 0))
      issues.add('weight', `${at}.weight`, `criterion ${code}: weight must be a number > 0`, {
        criterion: code,
        value: finite(c.weight) ? c.weight : null,
      });
    else sum += c.weight;
    if (!(finite(c.min) && finite(c.max) && c.min < c.max))
      issues.add('range', at, `criterion ${code}: its range needs numbers min < max`, {
        criterion: code,
        min: finite(c.min) ? c.min : null,
        max: finite(c.max) ? c.max : null,
      });
  });
  if (criteria.length > 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    issues.add('weights_sum', 'criteria', `the criteria's weights sum to ${sum}, not 1`, { sum });
  return issues.list;
}

/**
 * A judge's sheet → the judge's score of the project: Σ total × weight × (s − min) ÷ (max − min)
 * over the rubric's criteria in order, rounded to `decimals`. Errors (all at once): the rubric's
 * own issues, a criterion without a score (`missing_criterion`), a score that is not a number
 * (`not_a_number`) or outside its range (`out_of_range`), a score for a criterion the rubric does
 * not have (`unknown_criterion`).
 */
export function scoreSheet(rubric: Rubric, sheet: Sheet): SheetResult {
  const rubricIssues = validateRubric(rubric);
  if (rubricIssues.length > 0) return { ok: false, issues: rubricIssues };
  const issues = new Issues();
  const known = new Set(rubric.criteria.map((c) => c.code));
  for (const code of Object.keys(sheet ?? {}))
    if (!known.has(code))
      issues.add('unknown_criterion', code, `the rubric has no criterion ${code}`, { criterion: code });
  for (const c of rubric.criteria) {
    const s = sheet?.[c.code];
    if (s === undefined || s === null)
      issues.add('missing_criterion', c.code, `no score for criterion ${c.code}`, { criterion: c.code });
    else if (!finite(s))
      issues.add('not_a_number', c.code, `criterion ${c.code}: the score is not a number`, {
        criterion: c.code,
      });
    else if (s < c.min || s > c.max)
      issues.add('out_of_range', c.code, `criterion ${c.code}: ${s} is outside ${c.min}–${c.max}`, {
        criterion: c.code,
        value: s,
        min: c.min,
        max: c.max,
      });
  }
  if (issues.list.length > 0) return { ok: false, issues: issues.list };
  const total = rubric.total ?? 100;
  const decimals = rubric.decimals ?? 2;
  let raw = 0;
  const parts = rubric.criteria.map((c) => {
    const s = sheet[c.code]!;
    const part = (total * c.weight * (s - c.min)) / (c.max - c.min);
    raw += part;
    return { criterion: c.code, score: s, part };
  });
  const score = roundDecimal(raw, decimals);
  const steps = cleanSteps([
    ...rubric.criteria.map((c, i) =>
      step('innovation.criterion', {
        criterion: c.code,
        total,
        weight: c.weight,
        score: parts[i]!.score,
        min: c.min,
        max: c.max,
        part: parts[i]!.part,
      }),
    ),
    step('innovation.sheet', { parts: parts.map((p) => p.part), raw }),
    step('rounding', { raw, value: score, mode: 'half_up', decimals }),
  ]);
  return { ok: true, value: { score, parts, steps } };
}
