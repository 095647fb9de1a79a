import type { ChildWeightsOutcome } from './child-weights';
import type { CompiledPlan } from './compile';
import type { BonusInput, DeductionInput, VetoInput } from './input';

/**
 * The evaluator's arrays: what load-input fills, what the stages read and write, and what the
 * result and trace builders read. Its own module so that none of them imports the evaluator.
 */

export const NUM_FIELDS = ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const;
export type NumField = (typeof NUM_FIELDS)[number];

/** The [leaf × unit] array of one input field, allocated (all NaN = not supplied) on first use. */
export function ensureField(st: EvalState, f: NumField): Float64Array {
  let a = st.fields[f];
  if (!a) {
    a = new Float64Array(st.unitCodes.length * st.nL).fill(Number.NaN);
    st.fields[f] = a;
  }
  return a;
}

/** Evaluator internals, shared by the stages and the lazy result and trace builders. */
export interface EvalState {
  cp: CompiledPlan;
  period: string;
  elapsedMonth: number;
  elapsedDay: number;
  unitCodes: string[];
  unitNames: (string | undefined)[];
  unitIndex: Map<string, number>;
  unitGroup: Int32Array;
  nL: number;
  nN: number;
  fields: Record<NumField, Float64Array | null>;
  lists: Map<number, readonly number[]>;
  /**
   * [node × unit] scores, NaN = left out. A row with unitRow[node] = 1 holds the score in units of
   * 10^-decimals (reported scores as exact integers, so their sums are exact); read through
   * scoreAt(). Leaf rows that do not round hold the raw score.
   */
  scores: Float64Array;
  /** 10^decimals. */
  m: number;
  unitRow: Uint8Array;
  ownBase: Float64Array;
  base: Float64Array;
  bonusRaw: Float64Array;
  bonus: Float64Array;
  deduction: Float64Array;
  total: Float64Array;
  rank: Int32Array;
  placement: Int32Array;
  level: Int32Array;
  naturalLevel: Int32Array;
  downgraded: Uint8Array;
  crossRank: Int32Array[];
  bonusItems: BonusInput[][];
  deductionItems: DeductionInput[][];
  vetoItems: VetoInput[][];
  halfYear: Float64Array;
  links: { unit: number; sources: number[]; share: number }[];
  onlyUnitMask: Uint8Array | null;
  round(x: number): number;
  /** Objective child weights of the period (plan childWeights), per parent and group. */
  childWeights: ChildWeightsOutcome[];
  /** Deductions taken off components (plan components[].deductions), or null. */
  compDeductions: ComponentDeductions | null;
}

/** Deductions attributed to components that take them (aggregate-settings.ts). */
export interface ComponentDeductions {
  /** Per unit: component node → points attributed to it. */
  byComponent: Map<number, number>[];
  /** Per unit: component node → points applied at the last aggregation (decimal). */
  applied: Map<number, number>[];
  /** Per unit: the deductions that still come off the total. */
  offTotal: DeductionInput[][];
}

/**
 * The score of node j for unit u as reported: rows held in units of 10^-decimals are divided
 * once here, when a result or trace is built (q / 10^d is the double nearest the decimal).
 */
export function scoreAt(st: EvalState, j: number, u: number): number {
  const s = st.scores[j * st.unitCodes.length + u]!;
  return st.unitRow[j] === 1 ? s / st.m : s;
}
