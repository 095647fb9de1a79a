/**
 * The explanation steps the engine emits (`{ code, params }`, see packages/engine/src/steps.ts):
 * every code with the shape of its params. The codes are the engine's list (the type checker
 * refuses a missing or extra one here); a test checks that every step the engine emits over the
 * shipped templates parses here. Each enum param's name is
 * the name of its term table in the templates (`terms.<param>.<value>`).
 */
import type { StepCode as EngineStepCode } from '@jixiao/engine';
import { z } from 'zod';

const num = z.number();
const opt = z.number().nullable();
const int = z.number().int();
const none = z.strictObject({});

/** Enum params: their names are the term tables of the templates. */
export const stepEnums = {
  ref: ['target', 'baseline'],
  basis: ['month', 'day'],
  direction: ['higher', 'lower'],
  sigma: ['population', 'sample'],
  policy: ['zero', 'reweight', 'error'],
  field: ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue', 'scores'],
  cause: ['reference', 'target', 'base', 'peer_base', 'peer_growth', 'limits', 'growth_target'],
  outcome: ['zero', 'full', 'missing'],
  scope: ['group', 'category', 'all'],
  mode: ['half_up', 'half_even', 'down'],
  shown: ['unbounded', '-unbounded', 'null'],
  // innovation projects (engine innovation/)
  unnormalised: ['single_score', 'zero_spread'],
  selection: ['order', 'minimum', 'edge_tie'],
  left: ['seats', 'category_max'],
  side: ['ahead', 'behind'],
  rankOf: ['category', 'top_ten'],
} as const;

export type StepEnum = keyof typeof stepEnums;
const e = <K extends StepEnum>(k: K) => z.enum(stepEnums[k]);

/** A reported score in a formula: printed with `decimals` when its stage rounds, else as is. */
export const reportedParam = z.strictObject({ value: num, decimals: z.number().int().nullable() });

const clampX = z.strictObject({ x: num, scale: num, f: num });
/** How a z-score maps to a score: n units, centre and scale, clamped to [lo, hi], giving d and f. */
const zscoreMapping = { n: z.number().int(), center: num, scale: num, lo: num, hi: num, d: num, f: num };
/** A judge's own mean and σ, and the pooled ones the innovation normalisation maps onto. */
const judgeStats = { mean: num, sd: num };
const pooled = { pooledMean: num, pooledSd: num };
/** Weights computed from the period's data: how many units, which indicators, the weight of each. */
const objectiveWeights = { units: z.number().int(), codes: z.array(z.string()), weights: z.array(num) };

export const stepParams = {
  'completion.formula': z.strictObject({ ref: e('ref') }),
  'pro_rata.formula': z.strictObject({ basis: e('basis') }),
  'pro_rata.reference': z.strictObject({ target: num, elapsed: num, ref: num }),
  'ratio.higher': z.strictObject({ x: num, ref: num, r: opt }),
  'ratio.lower': z.strictObject({ x: num, ref: num, r: opt }),
  'ratio.lower_unbounded': z.strictObject({ x: num, ref: num }),
  'ratio.excess': z.strictObject({ cap: num, rate: num, f: num }),
  'ratio.reached': none,
  'ratio.not_reached': none,
  'ratio.below': z.strictObject({ r: num, f: num }),
  'total_growth.formula': z.strictObject({ share: num, rest: num }),
  'total_growth.result': z.strictObject({
    x: num,
    target: num,
    base: num,
    totalPart: num,
    g: opt,
    gT: opt,
    growthPart: num,
    share: num,
    rest: num,
    f: num,
  }),
  'benchmark.ratio': z.strictObject({ hi: num }),
  'benchmark.difference': z.strictObject({ par: num, perPoint: num, hi: num }),
  'benchmark.growth': z.strictObject({ x: num, base: num, peer: num, peerBase: num, g: opt, gp: opt }),
  'benchmark.ratio_result': z.strictObject({ hi: num, f: num }),
  'benchmark.difference_result': z.strictObject({ par: num, perPoint: num, hi: num, f: num }),
  'bands.step': z.strictObject({ x: opt, breakpoints: z.array(z.tuple([num, num])) }),
  'bands.interpolate': z.strictObject({ x: opt, breakpoints: z.array(z.tuple([num, num])) }),
  'deduction.formula': z.strictObject({ perItem: num }),
  'deduction.result': z.strictObject({ full: num, count: num, perItem: num, f: num }),
  'rank.table': z.strictObject({ table: z.array(num) }),
  'rank.linear': z.strictObject({ floor: num }),
  'rank.position': z.strictObject({ x: num, r: z.number().int(), n: z.number().int() }),
  'rank.table_result': z.strictObject({ r: z.number().int(), f: num }),
  'rank.linear_result': z.strictObject({ floor: num, r: z.number().int(), n: z.number().int(), f: num }),
  'rank.single': z.strictObject({ n: z.number().int() }),
  'efficacy.formula': z.strictObject({ lo: num, hi: num }),
  'efficacy.result': z.strictObject({ x: num, xs: num, xh: num, lo: num, hi: num, d: num, f: num }),
  'zscore.formula': z.strictObject({
    direction: e('direction'),
    sigma: e('sigma'),
    center: num,
    scale: num,
    lo: num,
    hi: num,
  }),
  'zscore.result': z.strictObject({
    direction: e('direction'),
    x: num,
    mean: num,
    sd: num,
    z: num,
    ...zscoreMapping,
  }),
  'zscore.flat': z.strictObject(zscoreMapping),
  'expert_panel.formula': z.strictObject({ trim: z.number().int(), scale: num }),
  'expert_panel.result': z.strictObject({
    scores: z.array(num),
    kept: z.array(num),
    mean: num,
    scale: num,
    f: num,
  }),
  'satisfaction.formula': z.strictObject({ scale: num }),
  'satisfaction.result': clampX,
  'manual.formula': z.strictObject({ scale: num }),
  'manual.result': clampX,
  'leaf.score': z.strictObject({ f: num, full: num, raw: num }),
  'leaf.left_out': z.strictObject({ policy: e('policy') }),
  'leaf.not_applicable': none,
  'aggregate.sum': z.strictObject({ terms: z.array(reportedParam), raw: num }),
  'aggregate.weighted': z.strictObject({
    terms: z.array(z.strictObject({ weight: num, score: reportedParam })),
    weights: num,
    raw: num,
  }),
  'aggregate.reweighted': z.strictObject({
    terms: z.array(reportedParam),
    full: num,
    weights: num,
    raw: num,
  }),
  'aggregate.none': none,
  'aggregate.products': z.strictObject({
    terms: z.array(z.strictObject({ weight: num, score: reportedParam })),
    weights: num,
    products: z.array(reportedParam),
    raw: num,
  }),
  'weights.entropy': z.strictObject({
    ...objectiveWeights,
    entropy: z.array(num),
    divergence: z.array(num),
  }),
  'weights.critic': z.strictObject({
    ...objectiveWeights,
    deviation: z.array(num),
    conflict: z.array(num),
    information: z.array(num),
  }),
  'weights.equal': z.strictObject(objectiveWeights),
  'component.deductions': z.strictObject({ points: num, floor: num, before: num, applied: num, after: num }),
  'base.half_year': z.strictObject({ weight: num, halfYear: num, rest: num, base: num }),
  'base.linked': z.strictObject({
    own: num,
    base: num,
    share: num,
    sources: z.array(z.strictObject({ unit: z.string(), score: num })),
    mean: num,
  }),
  'bonus.none': none,
  'bonus.capped': z.strictObject({
    cap: num,
    items: z.array(z.strictObject({ points: num, source: z.string() })),
  }),
  'deductions.none': none,
  'deductions.sum': z.strictObject({
    items: z.array(z.strictObject({ points: num, reason: z.string() })),
  }),
  'deductions.capped': z.strictObject({
    items: z.array(z.strictObject({ points: num, reason: z.string() })),
    cap: num,
  }),
  total: z.strictObject({ base: reportedParam, bonus: reportedParam, deductions: reportedParam }),
  rounding: z.strictObject({ raw: num, value: num, mode: e('mode'), decimals: z.number().int() }),
  placement: z.strictObject({ rank: z.number().int(), group: z.string(), placement: z.number().int() }),
  'grade.level': z.strictObject({ name: z.string(), code: z.string() }),
  'grade.none': none,
  'grade.vetoed': z.strictObject({
    name: z.string(),
    code: z.string(),
    natural: z.string(),
    events: z.array(z.string()),
  }),
  'innovation.criterion': z.strictObject({
    criterion: z.string(),
    total: num,
    weight: num,
    score: num,
    min: num,
    max: num,
    part: num,
  }),
  'innovation.sheet': z.strictObject({ parts: z.array(num), raw: num }),
  'innovation.judge_scale': z.strictObject({ judge: z.string(), n: int, ...judgeStats, ...pooled }),
  'innovation.not_normalised': z.strictObject({ judge: z.string(), n: int, unnormalised: e('unnormalised') }),
  'innovation.normalised': z.strictObject({
    judge: z.string(),
    x: num,
    ...judgeStats,
    z: num,
    ...pooled,
    score: num,
  }),
  'innovation.trimmed': z.strictObject({
    n: int,
    trim: int,
    scores: z.array(num),
    kept: z.array(num),
    mean: num,
  }),
  'innovation.untrimmed': z.strictObject({ n: int, trim: int, trimAt: int, scores: z.array(num), mean: num }),
  'innovation.category_rank': z.strictObject({ category: z.string(), rank: int, n: int, score: num }),
  'innovation.top_ten': z.strictObject({
    rank: int,
    seat: int,
    n: int,
    selection: e('selection'),
    category: z.string(),
  }),
  'innovation.top_ten_out': z.strictObject({ rank: int, n: int, left: e('left'), category: z.string() }),
  'innovation.tie_break': z.strictObject({
    score: num,
    position: int.nullable(),
    side: e('side'),
    others: z.array(z.string()),
  }),
  'innovation.bonus': z.strictObject({
    rankOf: e('rankOf'),
    category: z.string(),
    rank: int,
    fromRank: int,
    toRank: int,
    points: num,
  }),
  'innovation.bonus_cut': z.strictObject({ cap: num, before: num, earned: num, points: num }),
  'innovation.bonus_unit': z.strictObject({ cap: opt, already: num, earned: num, points: num }),
  'innovation.dispersion': z.strictObject({
    judge: z.string(),
    n: int,
    mad: num,
    bias: num,
    mean: num,
    sd: num,
    z: num,
  }),
  'innovation.flagged': z.strictObject({ judge: z.string(), z: num, threshold: num }),
  'note.missing_input': z.strictObject({ field: e('field') }),
  'note.missing_policy': z.strictObject({ policy: e('policy') }),
  'note.division_by_zero': z.strictObject({ cause: e('cause'), value: opt, outcome: e('outcome') }),
  'note.scope': z.strictObject({ scope: e('scope'), n: z.number().int() }),
  'note.sigma_zero': none,
  'note.few_scores': z.strictObject({ n: z.number().int() }),
  'note.reweighted': none,
  'note.no_limits': none,
  'note.not_finite': z.strictObject({ name: z.string(), shown: e('shown') }),
} as const satisfies Record<EngineStepCode, z.ZodType>;

export type StepCode = keyof typeof stepParams;
export const stepCodes = Object.keys(stepParams) as StepCode[];

/** One step as it travels in API answers (its params' shape is checked by the tests). */
export const stepSchema = z.object({
  code: z.enum(stepCodes as [StepCode, ...StepCode[]]),
  params: z.record(z.string(), z.unknown()),
});

/** One step, its params checked against its code's shape. */
export const explanationStep = stepSchema.superRefine((s, ctx) => {
  const r = stepParams[s.code].safeParse(s.params);
  if (!r.success)
    for (const issue of r.error.issues)
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
});

export type ExplanationStep = { code: StepCode; params: Record<string, unknown> };
