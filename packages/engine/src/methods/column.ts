import type { ZeroDivisionOutcome } from '../plan/basics';

/**
 * Column forms of the methods (MethodDef.column in types.ts): the items of one leaf, where their
 * inputs are and where their fractions go, and the loop-invariant parameters a method's setUp
 * fills for its run.
 */

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
export function dzFraction(ctx: { dz: ZeroDivisionOutcome }): number {
  return ctx.dz === 'zero' ? 0 : ctx.dz === 'full' ? 1 : Number.NaN;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
