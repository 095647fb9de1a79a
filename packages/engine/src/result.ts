import type { QuotaCount } from './grades';
import type { BonusInput, DeductionInput, VetoInput } from './input';
import type { ObjectiveWeights } from './plan/objective-weights';
import type { Step } from './steps';

export interface IndicatorResult {
  code: string;
  name: string;
  kind: 'component' | 'indicator' | 'sub_item';
  parent: string | null;
  /** Reported score; null when left out (not applicable, or missing under "reweight"). */
  score: number | null;
  /** Full score for this unit (points, or 100 on the weighted scale). */
  full: number;
}

export interface ComponentDeduction {
  component: string;
  points: number;
  applied: number;
}

/** One leaf group's quota levels (W8): places each quota gave and how many units hold the level. */
export interface GroupQuotas {
  group: string;
  units: number;
  levels: QuotaCount[];
}

export interface GradeResult {
  code: string;
  name: string;
  color: string;
  /** Level the score alone would give (differs when a veto lowered it). */
  natural: string;
  downgraded: boolean;
}

export interface UnitResult {
  unit: string;
  name?: string;
  group: string;
  category: string;
  /** Every node (components, indicators, sub-items), children before parents. */
  indicators: IndicatorResult[];
  components: IndicatorResult[];
  /** Weighted / summed score of the components, after half-year carry-over and links. */
  base: number;
  bonus: { raw: number; capped: number; items: BonusInput[] };
  /**
   * `total`: what came off the total (within deductions.cap). `components`: deductions attributed
   * to components that take them (plan `components[].deductions.from: component`): the points
   * attributed and the points applied (the component's floor may stop some).
   */
  deductions: { total: number; items: DeductionInput[]; components: ComponentDeduction[] };
  vetoes: VetoInput[];
  total: number;
  /** Competition rank on reported totals within the group (1, 2, 2, 4). */
  rank: number;
  /** Position in the group's published order: grade first, vetoed units last within their grade. */
  placement: number;
  /** Ranks in cross-group rankings (二十佳 over groups A and B), by ranking code. */
  ranks: Record<string, number>;
  grade: GradeResult | null;
  awards: string[];
  eligibleForAdvanced: boolean;
  eligibleForAwards: boolean;
}

export interface RankingResult {
  code: string;
  name: string;
  entries: { unit: string; rank: number; total: number }[];
}

export interface AwardResult {
  code: string;
  name: string;
  units: string[];
}

export interface TraceNode {
  code: string;
  name: string;
  kind: 'component' | 'indicator' | 'sub_item';
  /** Full score and weight of the node for this unit. */
  full: number;
  weight: number;
  score: number | null;
  /** Unrounded value before the rounding step (null when left out). */
  raw: number | null;
  method?: string;
  /** Fraction of full points earned (leaves). */
  fraction?: number | null;
  /** The method's arithmetic then the score (leaves), or the aggregate (inner nodes), as steps. */
  steps: Step[];
  vars: Record<string, number | string | null>;
  notes: Step[];
  /** The rounding step (`rounding`), when this node's stage rounds. */
  rounding: Step | null;
  children: TraceNode[];
  /** A parent weighted from the period's data (plan childWeights): the weights and how they came. */
  childWeights?: TraceChildWeights;
  /** Rounding stage 'product': the children's weighted products that were added. */
  products?: TraceProduct[];
  /** A component that takes its deductions (plan components[].deductions.from: component). */
  deductions?: { points: number; floor: number; applied: number; before: number; after: number };
}

export interface TraceChildWeights {
  method: ObjectiveWeights['method'];
  /** Units of the group that had a value for every child. */
  units: number;
  /** Equal weights, because the data carry no information. */
  fallback: boolean;
  children: {
    code: string;
    weight: number;
    entropy?: number;
    divergence?: number;
    sigma?: number;
    conflict?: number;
    information?: number;
  }[];
}

/** Rounding stage 'product': one weighted product of a parent, rounded before the sum. */
export interface TraceProduct {
  code: string;
  weight: number;
  score: number;
  product: number;
}

export interface TraceStep {
  steps: Step[];
  raw: number;
  value: number;
  rounding: Step | null;
  /** Rounding stage 'product': the components' weighted products that were added. */
  products?: TraceProduct[];
}

export interface UnitTrace {
  unit: string;
  group: string;
  category: string;
  period: string;
  planId: string;
  mode: 'points' | 'weighted';
  rounding: { decimals: number; mode: string; stages: string[] };
  components: TraceNode[];
  base: TraceStep;
  bonus: { items: BonusInput[]; steps: Step[]; raw: number; capped: number };
  deductions: { items: DeductionInput[]; steps: Step[]; total: number };
  vetoes: VetoInput[];
  total: TraceStep;
  /** `placement`: rank in the group and published placement. */
  rank: Step;
  /** `grade`, `grade.vetoed` or `grade.none`. */
  grade: Step;
}

export interface EvaluationResult {
  planId: string;
  period: string;
  mode: 'points' | 'weighted';
  decimals: number;
  units: UnitResult[];
  rankings: RankingResult[];
  awards: AwardResult[];
  /** Per leaf group with units: its grade quotas, places given and used. */
  quotas: GroupQuotas[];
  unit(code: string): UnitResult | undefined;
  /** Built on demand: explains every number of the unit. */
  trace(code: string): UnitTrace;
}
