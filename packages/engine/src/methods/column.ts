import type { MethodSpec } from '../plan/types';
import type { MethodContext } from './types';

/**
 * The column form of a method: its per-cell rule (the same function its scalar `score` calls)
 * run over every item of one leaf in a loop of its own, so V8 inlines the rule and the loop stays
 * monomorphic. The evaluator calls it once per leaf (leaf-kernel.ts over all units, leaf-column.ts
 * over a list of units) and does the generic rest itself (kernels.ts, scatter.ts): full points,
 * missing-value policy, rounding, store, fold into the parent.
 */
export interface ColumnForm<S extends MethodSpec = MethodSpec> {
  /** Loop-invariant parameters of one leaf into kp (reused: no allocation per leaf). */
  setUp(spec: S, ctx: MethodContext, kp: ColumnParams, io: ColumnIO): void;
  /** Fractions of items [0, io.n) into io.out (NaN = missing). */
  run(kp: ColumnParams, io: ColumnIO): void;
}

/** The items of one leaf: where their inputs are and where their fractions go. */
export interface ColumnIO {
  n: number;
  /** Inputs of item i are at [off + i] of value / target / baseline (null: not supplied for any unit). */
  off: number;
  value: Float64Array;
  target: Float64Array | null;
  baseline: Float64Array | null;
  /** Group of item i, and full points of the leaf in each group (> 0 where it applies). */
  group: Int32Array;
  scaleOf: Float64Array;
  /**
   * Group-relative limits: scope part of item i (null = every item in one part, its statistics
   * in ctx.stats) and the number of parts.
   */
  part: Int32Array | null;
  parts: number;
  /** Fractions out, at [i]. */
  out: Float64Array;
}

/** Loop-invariant parameters of a column; each method uses its own fields. */
export interface ColumnParams {
  /** Reference: 1 reads io.baseline instead of io.target; multiplied by refFactor (pro-rata elapsed). */
  reference: number;
  refFactor: number;
  higher: boolean;
  /** Ratio: excess rate and cap (bonus only when both > 0); below the reference scores 0 when belowZero. */
  rate: number;
  cap: number;
  belowZero: boolean;
  /** Fraction when a divisor is zero (ratio: reference ≤ 0; efficacy: x_h = x_s); NaN = missing. */
  dz: number;
  /** Satisfaction / manual: the scale (NaN for manual = the item's full points); deduction: per item. */
  p: number;
  /** Bands: breakpoints and whether to interpolate. */
  bx: Float64Array;
  bf: Float64Array;
  interpolate: boolean;
  /** Efficacy: clamp, and the worst / best value per scope part. */
  lo: number;
  hi: number;
  effS: Float64Array;
  effH: Float64Array;
}

export function newColumnParams(): ColumnParams {
  return {
    reference: 0,
    refFactor: 1,
    higher: true,
    rate: 0,
    cap: 0,
    belowZero: false,
    dz: 0,
    p: 0,
    bx: new Float64Array(0),
    bf: new Float64Array(0),
    interpolate: false,
    lo: 60,
    hi: 100,
    effS: new Float64Array(1),
    effH: new Float64Array(1),
  };
}

/** The configured outcome of a division by zero as a number (NaN = missing). */
export function dzFraction(ctx: MethodContext): number {
  return ctx.dz === 'zero' ? 0 : ctx.dz === 'full' ? 1 : Number.NaN;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
