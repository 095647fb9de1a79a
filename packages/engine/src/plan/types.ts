/**
 * The plan file model (考评方案). Plain JSON shape: no classes, no zod, so a plan can be stored,
 * diffed and hand-edited. docs/plan.schema.json mirrors these types (its method part is generated
 * from the method files); docs/plan-format.md explains them.
 */

import type { MethodSpec } from '../methods/index';
import type { Direction, RoundingMode, ZeroDivisionOutcome } from './basics';

/** A method's parameters: the union of the specs of the methods in the registry (methods/index.ts). */
export type { MethodKind, MethodSpec } from '../methods/index';
export type { Direction, RoundingMode, StatsScope, ZeroDivisionOutcome } from './basics';

export type ScoringMode = 'points' | 'weighted';
/** What a missing input does: score 0, leave the indicator out and re-weight its siblings, or fail. */
export type MissingPolicy = 'zero' | 'reweight' | 'error';
/**
 * Stages at which reported numbers are rounded. `product` (weighted scoring only): each child's
 * weighted product wᵢ·sᵢ/Σw is rounded before the products are added (0.45 × 99.9 → 44.96).
 */
export type RoundingStage = 'indicator' | 'node' | 'component' | 'total' | 'product';
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

/** A node of the plan tree: its code, name, and full points or weight (overall or by group). */
export interface WeightedNode {
  code: string;
  name: string;
  points?: number;
  weight?: number;
  pointsBy?: ByScope;
  weightBy?: ByScope;
}

export interface Component extends WeightedNode {
  childWeights?: ChildWeightsSpec;
  deductions?: ComponentDeductionSpec;
}

export interface AppliesTo {
  categories?: string[];
  groups?: string[];
  units?: string[];
}

export interface SubItem extends WeightedNode {
  /** H2: the dimension this sub-item assesses the indicator on. */
  dimension?: string;
  method?: MethodSpec;
  direction?: Direction;
  owner?: string;
  missing?: MissingPolicy;
}

export type IndicatorKind = 'common' | 'individual' | 'unit_specific';

export interface Indicator extends WeightedNode {
  /** Parent indicator code; top-level indicators name their component instead. */
  parent?: string;
  component?: string;
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

/**
 * S11 year-end expert review (质询): an inquiry the unit leaves unanswered past its deadline costs
 * the unit `unansweredPoints` points, as a deduction event (docs/inquiries.md).
 */
export interface InquirySpec {
  unansweredPoints: number;
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
  /** S11: what an unanswered expert inquiry (质询) past its deadline costs. */
  inquiry?: InquirySpec;
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
  /** Use of results (结果运用): rules turning a released year into lines per unit (consequences.ts). */
  consequences?: ConsequenceRule[];
}

/**
 * What a consequence line says (its i18n code): 公务员优秀比例, 集体记功, 诫勉谈话, 书面整改报告,
 * 组织调整, 建议调整主要负责人, an award, barred from awards.
 */
export type ConsequenceAction =
  | 'excellence_quota'
  | 'collective_merit'
  | 'warning_talk'
  | 'rectification_report'
  | 'organisational_adjustment'
  | 'replace_head'
  | 'award'
  | 'barred_from_awards';

/**
 * A year counting towards a streak: last place in its group, total below the average (of its
 * group or of all units), in the bottom grade level, in the bottom N of its group (or a ranking),
 * or in the top grade level.
 */
export type StreakCondition = 'last_place' | 'below_average' | 'bottom_level' | 'bottom_n' | 'top_level';

interface ConsequenceRuleBase {
  /** Unique within the plan; each line names the rule that produced it. */
  code: string;
  /** Shown beside each line (e.g. 诫勉谈话（后三位）). */
  name: string;
  /** The catalogue rule it implements (docs: rules.md), e.g. "S15". */
  ref?: string;
}

/**
 * S16 / Z10: the unit's civil-servant excellence quota in percent: `base`, plus the step of its
 * grade level (position: 0 = top, 1 = second, -1 = bottom), or — replacing it — the step of a
 * streak of `years` or more consecutive years at one level (optionally with a collective merit).
 */
export interface ExcellenceQuotaRule extends ConsequenceRuleBase {
  kind: 'excellenceQuota';
  base: number;
  levels?: { level: number; step: number }[];
  streaks?: { level: number; years: number; step: number; merit?: boolean }[];
}

/** S15: the bottom `n` of each group (or of a ranking) get a line (ties at the edge included). */
export interface BottomNRule extends ConsequenceRuleBase {
  kind: 'bottomN';
  n: number;
  ranking?: string;
  action: ConsequenceAction;
}

/**
 * W5 / W7 / S17: the condition held this year and in each of the `years` − 1 years before
 * (consecutive released years of the same system; a missing year breaks the streak).
 */
export interface StreakRule extends ConsequenceRuleBase {
  kind: 'streak';
  condition: StreakCondition;
  years: number;
  /** bottom_n: how many from the bottom; with `ranking`, in that ranking instead of the group. */
  n?: number;
  ranking?: string;
  /** below_average: the group's average (default) or all units' (the city average). */
  average?: 'group' | 'all';
  action: ConsequenceAction;
}

/**
 * An award line (W13, W5/W6, S3). `award`: the winners of one of the plan's awards (top N in a
 * ranking across groups, or in each group); `key_indicator`: first place on each key indicator
 * (or those listed); `lead_unit`: the best unit on each lead department's indicators (单项工作先进奖).
 * Indicator places compare score ÷ full points within each group (default) or over all units.
 */
export interface AwardRule extends ConsequenceRuleBase {
  kind: 'award';
  basis: 'award' | 'key_indicator' | 'lead_unit';
  award?: string;
  indicators?: string[];
  within?: 'group' | 'all';
}

/** S15: a vetoed unit is barred from every award (it gets this line; award lines never reach it). */
export interface VetoBarRule extends ConsequenceRuleBase {
  kind: 'vetoBar';
}

export type ConsequenceRule = ExcellenceQuotaRule | BottomNRule | StreakRule | AwardRule | VetoBarRule;
export type ConsequenceKind = ConsequenceRule['kind'];
