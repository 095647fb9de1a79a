/**
 * The plan file model (考评方案). Plain JSON shape: no classes, no zod, so a plan can be stored,
 * diffed and hand-edited. docs/plan.schema.json mirrors these types; docs/plan-format.md explains them.
 */

export type ScoringMode = 'points' | 'weighted';
export type Direction = 'higher' | 'lower';
/** What a missing input does: score 0, leave the indicator out and re-weight its siblings, or fail. */
export type MissingPolicy = 'zero' | 'reweight' | 'error';
export type RoundingMode = 'half_up' | 'half_even' | 'down';
/**
 * Stages at which reported numbers are rounded. `product` (weighted scoring only): each child's
 * weighted product wᵢ·sᵢ/Σw is rounded before the products are added (0.45 × 99.9 → 44.96).
 */
export type RoundingStage = 'indicator' | 'node' | 'component' | 'total' | 'product';
/** Outcome of a division by zero (zero target, zero peer growth, equal limits): 0 points, full points, or "missing". */
export type ZeroDivisionOutcome = 'zero' | 'full' | 'missing';
export type PeriodGranularity = 'month' | 'quarter' | 'half' | 'year';
/** How often a unit reports an indicator (月报/季报/半年报/年报); what is due when comes from it. */
export type ReportingFrequency = PeriodGranularity;

/**
 * How the yearly cycle's data become the engine's input (the server's cycle input reads this).
 * - `unverified`: a submitted but not yet verified value counts (`count`, default) or is missing.
 * - `rejected`: a value returned by verification is missing (default) or counts as submitted.
 * - `missingBeforeDue`: a value not reported while its period is not yet due is left out and the
 *   siblings re-weighted (`reweight`, default) or scored 0 and shown as pending (`pending`).
 * - `missingAfterDue`: after the due date a missing value scores 0 (`zero`, default), takes the
 *   unit's last earlier report of the year (`carry_forward`), or scores 0 and costs
 *   `missingPenalty` points as a deduction (`penalty`).
 */
export interface CyclePolicy {
  unverified?: 'count' | 'missing';
  rejected?: 'missing' | 'count';
  missingBeforeDue?: 'reweight' | 'pending';
  missingAfterDue?: 'zero' | 'carry_forward' | 'penalty';
  missingPenalty?: number;
}

export interface RoundingSpec {
  decimals?: number;
  mode?: RoundingMode;
  stages?: RoundingStage[];
}

export interface PlanPeriod {
  granularity: PeriodGranularity;
  /** Ad-hoc / special-topic evaluations (Z7) carry their own period range. */
  from?: string;
  to?: string;
  adHoc?: boolean;
}

export interface Category {
  code: string;
  name: string;
}

export interface Group {
  code: string;
  name: string;
  category: string;
  /** Parent group code for subgroups (W8: B → B1 综合, B2 执法). Units belong to leaf groups. */
  parent?: string;
}

/** Points or weights that differ by group or category (Z9, S5): keys are group or category codes. */
export type ByScope = Record<string, number>;

/**
 * Weights of a node's children computed from the period's data (客观赋权), per group: the
 * entropy method (熵值法) or CRITIC over the children's values (plan/objective-weights.ts). The
 * children then carry no points or weight of their own.
 */
export interface ChildWeightsSpec {
  method: 'entropy' | 'critic';
}

/**
 * Where deductions attributed to a component (the deduction names it, or an indicator under it)
 * are taken: off the total (default) or off the component's own score, not below `floor`
 * (default 0) — 日常督察 25 分，扣完为止.
 */
export interface ComponentDeductionSpec {
  from: 'total' | 'component';
  floor?: number;
}

export interface Component {
  code: string;
  name: string;
  points?: number;
  weight?: number;
  pointsBy?: ByScope;
  weightBy?: ByScope;
  childWeights?: ChildWeightsSpec;
  deductions?: ComponentDeductionSpec;
}

export interface AppliesTo {
  categories?: string[];
  groups?: string[];
  units?: string[];
}

export type MethodSpec =
  | CompletionSpec
  | ProRataSpec
  | TotalGrowthSpec
  | BenchmarkSpec
  | BandsSpec
  | DeductionMethodSpec
  | RankMethodSpec
  | EfficacySpec
  | ZScoreSpec
  | ExpertPanelSpec
  | SatisfactionSpec
  | ManualSpec;

/** Scope of group-relative methods: the unit's group (default), its category, or every unit. */
export type StatsScope = 'group' | 'category' | 'all';

export interface CompletionSpec {
  kind: 'completion';
  /** Compare with the target (default) or the baseline 基准线 (H3). */
  reference?: 'target' | 'baseline';
  /** Below the reference: proportional (default) or zero. */
  below?: 'linear' | 'zero';
  /** Extra fraction of full points per unit of over-completion ratio (H3); 0 = no bonus (S6). */
  excessRate?: number;
  /** Cap of that extra, as a fraction of full points. */
  excessCap?: number;
}

export interface ProRataSpec {
  kind: 'pro_rata';
  basis: 'month' | 'day';
  below?: 'linear' | 'zero';
  excessRate?: number;
  excessCap?: number;
}

export interface TotalGrowthSpec {
  kind: 'total_growth';
  /** Share of the total part; growth gets the rest (W3: 0.4). */
  totalShare: number;
  /** Growth-rate target (0.08 = 8 %); default derives it from target and base value. */
  growthTarget?: number;
}

export interface BenchmarkSpec {
  kind: 'benchmark';
  mode: 'ratio' | 'difference';
  /** difference mode: fraction earned when growth equals the peer's (default 0.8). */
  par?: number;
  /** difference mode: fraction per percentage point of growth above/below the peer (default 0.05). */
  perPoint?: number;
  /** Extra above full points allowed, as a fraction (default 0). */
  excessCap?: number;
}

export interface BandsSpec {
  kind: 'bands';
  /** [value, fraction] pairs with ascending values. */
  breakpoints: [number, number][];
  interpolate: boolean;
}

export interface DeductionMethodSpec {
  kind: 'deduction';
  /** Points deducted per counted item (S11); the value is the count. */
  perItem: number;
}

export interface RankMethodSpec {
  kind: 'rank';
  /** Fractions for rank 1, 2, …; later ranks take the last entry. */
  table?: number[];
  /** Linear mode (no table): fraction of the last rank (default 0.6). */
  floor?: number;
  scope?: StatsScope;
}

export interface EfficacySpec {
  kind: 'efficacy';
  /** Fixed limits, or 'group': the scope's worst and best values. */
  limits: 'group' | { worst: number; best: number };
  /** Clamp of d (default [60, 100]). */
  clamp?: [number, number];
  scope?: StatsScope;
}

export interface ZScoreSpec {
  kind: 'zscore';
  sigma: 'population' | 'sample';
  /** d = center + scale · z, clamped, then divided by 100 (defaults 80, 10, [0, 100]). */
  center?: number;
  scale?: number;
  clamp?: [number, number];
  scope?: StatsScope;
}

export interface ExpertPanelSpec {
  kind: 'expert_panel';
  /** Scores dropped at each end (default 1: 去掉一个最高分和一个最低分). */
  trim?: number;
  /** Scale of the experts' scores (default 100). */
  scale?: number;
}

export interface SatisfactionSpec {
  kind: 'satisfaction';
  scale?: number;
}

export interface ManualSpec {
  kind: 'manual';
  /** Scale of the entered score; default is the indicator's own full score. */
  scale?: number;
}

export interface SubItem {
  code: string;
  name: string;
  points?: number;
  weight?: number;
  pointsBy?: ByScope;
  weightBy?: ByScope;
  /** H2: the dimension this sub-item assesses the indicator on. */
  dimension?: string;
  method?: MethodSpec;
  direction?: Direction;
  owner?: string;
  missing?: MissingPolicy;
}

export type IndicatorKind = 'common' | 'individual' | 'unit_specific';

export interface Indicator {
  code: string;
  name: string;
  /** Parent indicator code; top-level indicators name their component instead. */
  parent?: string;
  component?: string;
  points?: number;
  weight?: number;
  pointsBy?: ByScope;
  weightBy?: ByScope;
  kind?: IndicatorKind;
  appliesTo?: AppliesTo;
  /** S8: a key work (重点工作), usually with a higher weight. */
  key?: boolean;
  direction?: Direction;
  /** Data provider (G3, Z4): one indicator, one owner. */
  owner?: string;
  leadDept?: string;
  tags?: string[];
  unit?: string;
  method?: MethodSpec;
  missing?: MissingPolicy;
  divisionByZero?: ZeroDivisionOutcome;
  /** Reporting frequency (default: the plan's period granularity). */
  frequency?: ReportingFrequency;
  subItems?: SubItem[];
  /** Pairwise comparison matrix of this indicator's children, in their plan order (AHP). */
  ahp?: number[][];
  /** Objective weights of this indicator's children (or sub-items) from the period's data. */
  childWeights?: ChildWeightsSpec;
}

export interface BonusSource {
  code: string;
  name: string;
  /** Own cap for this source. */
  cap?: number;
  /** When true the source is not counted against the shared cap. */
  outsideSharedCap?: boolean;
}

export interface BonusSpec {
  /** Shared cap over all sources (W9: 8 over 100). */
  cap: number;
  sources: BonusSource[];
}

export interface DeductionSpec {
  /** Maximum total deduction; absent = unlimited. */
  cap?: number;
}

export type VetoEffect = 'no_advanced_title' | 'exclude_awards' | 'downgrade_last';

export interface VetoSpec {
  effects: VetoEffect[];
  /** A quota place freed by a vetoed unit goes to the next unit, or lapses. */
  freedQuota: 'next_unit' | 'lapse';
}

export interface GradeLevel {
  code: string;
  name: string;
  color: string;
  minScore?: number;
  /** At most this share of the group (W8). */
  maxShare?: number;
  maxCount?: number;
  /** Counts as an advanced title (W5 veto effect applies). */
  advanced?: boolean;
}

export interface GradeSpec {
  scheme?: string;
  /** Best first; the last level takes everyone else. */
  levels: GradeLevel[];
  quotaRounding?: 'floor' | 'round' | 'ceil';
  /** Units tied on the quota edge: all excluded (default, the quota is never exceeded) or all included. */
  tieAtQuotaEdge?: 'exclude' | 'include';
}

export interface RankingSpec {
  code: string;
  name: string;
  groups?: string[];
  categories?: string[];
}

export interface AwardSpec {
  code: string;
  name: string;
  /** Ranking code; absent means within each group. */
  ranking?: string;
  top: number;
  advanced?: boolean;
}

export interface ConstraintSpec {
  kind: 'min_share' | 'max_share';
  share: number;
  components?: string[];
  tags?: string[];
  indicators?: string[];
  label: string;
}

export interface LinkSpec {
  /** S1 捆绑考核: part of this unit's base score comes from other units' base scores (their mean). */
  unit: string;
  sources: string[];
  share: number;
}

export interface Plan {
  format: 'jixiao-plan/1';
  id: string;
  name: string;
  system?: string;
  year?: number;
  description?: string;
  period: PlanPeriod;
  scoring: ScoringMode;
  /** Points mode: total full points (default 100). */
  totalPoints?: number;
  rounding?: RoundingSpec;
  divisionByZero?: ZeroDivisionOutcome;
  categories: Category[];
  groups: Group[];
  components: Component[];
  indicators: Indicator[];
  bonus?: BonusSpec;
  deductions?: DeductionSpec;
  veto?: VetoSpec;
  grades: GradeSpec;
  rankings?: RankingSpec[];
  awards?: AwardSpec[];
  constraints?: ConstraintSpec[];
  /** S9: the frozen half-year result counts into the year end with this weight. */
  halfYear?: { weight: number };
  /** How submissions, verification and missing reports turn into input (defaults in CyclePolicy). */
  cycle?: CyclePolicy;
  links?: LinkSpec[];
}
