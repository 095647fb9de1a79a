import type { Direction } from '../plan/basics';
import { step } from '../steps';
import { type ColumnIO, type ColumnParams, dzFraction } from './column';
import {
  type ColumnForm,
  type MethodContext,
  type SpecBase,
  schemas,
  type Tracer,
  zeroDivision,
} from './types';

/** The ratio rule's parameters (completion and pro-rata). */
export interface RatioParams {
  /** Below the reference: proportional (default) or zero. */
  below?: 'linear' | 'zero';
  /** Extra fraction of full points per unit of over-completion ratio (H3); 0 = no bonus (S6). */
  excessRate?: number;
  /** Cap of that extra, as a fraction of full points. */
  excessCap?: number;
}

/** RatioParams as JSON Schema. */
export const ratioSchema = {
  below: schemas.below,
  excessRate: schemas.nonNegative,
  excessCap: schemas.nonNegative,
};

/**
 * Shared by completion and pro-rata: r = x / ref (higher is better) or ref / x (lower is
 * better); reaching the reference earns full points, exceeding it earns
 * min(excessCap, excessRate · (r − 1)) extra (H3), or nothing when excessRate is 0 (S6).
 */
export function ratioFraction(
  x: number,
  ref: number,
  p: RatioParams,
  direction: Direction,
  ctx: MethodContext,
  tr: Tracer | null,
): number {
  if (!(ref > 0)) return zeroDivision(ctx, tr, 'reference', ref);
  const rate = p.excessRate ?? 0;
  const cap = p.excessCap ?? 0;
  const f = ratioCell(
    x,
    ref,
    direction === 'higher',
    bonusRate(rate, cap),
    cap,
    p.below === 'zero',
    Number.NaN,
  );
  if (tr) {
    const r = ratioOf(x, ref, direction === 'higher');
    tr.vars.r = Number.isFinite(r) ? r : 'unbounded';
    tr.steps.push(
      direction === 'higher'
        ? step('ratio.higher', { x, ref, r })
        : Number.isFinite(r)
          ? step('ratio.lower', { x, ref, r })
          : step('ratio.lower_unbounded', { x, ref }),
      r >= 1
        ? rate > 0 && cap > 0
          ? step('ratio.excess', { cap, rate, f })
          : step('ratio.reached')
        : p.below === 'zero'
          ? step('ratio.not_reached')
          : step('ratio.below', { r, f }),
    );
  }
  return f;
}

/** r = x / ref (higher is better) or ref / x (lower is better; nothing at all is the best a lower-is-better value can do). */
export function ratioOf(x: number, ref: number, higher: boolean): number {
  return higher ? x / ref : x > 0 ? ref / x : Number.POSITIVE_INFINITY;
}

const SEL = new Float64Array(2);

/**
 * The ratio rule for one cell, the one definition every path uses: NaN when an input is
 * missing, `dz` when the reference is ≤ 0, else f = r ≥ 1 ? 1 + min(cap, rate · (r − 1)) (no
 * bonus when rate is 0: see bonusRate) : (belowZero ? 0 : max(0, r)). The choice is made by
 * indexing a two-slot array: on real data it is unpredictable, and a branch would be mispredicted.
 */
export function ratioCell(
  x: number,
  ref: number,
  higher: boolean,
  rate: number,
  cap: number,
  belowZero: boolean,
  dz: number,
): number {
  if (Number.isNaN(x) || Number.isNaN(ref)) return Number.NaN;
  if (!(ref > 0)) return dz;
  const r = ratioOf(x, ref, higher);
  SEL[1] = 1 + (rate > 0 ? Math.min(cap, rate * (r - 1)) : 0);
  SEL[0] = belowZero ? 0 : Math.max(0, r);
  return SEL[+(r >= 1)]!;
}

/** Exceeding the reference earns a bonus only when both the rate and the cap are > 0: the rate to use. */
export function bonusRate(rate: number, cap: number): number {
  return rate > 0 && cap > 0 ? rate : 0;
}

/** The column form of a ratio method; `reference` picks the reference field and its factor. */
export function ratioColumn<S extends SpecBase & RatioParams>(
  reference: (s: S, ctx: MethodContext) => { baseline: boolean; factor: number },
): ColumnForm<S> {
  return {
    setUp(s, ctx, kp) {
      const ref = reference(s, ctx);
      kp.reference = ref.baseline ? 1 : 0;
      kp.refFactor = ref.factor;
      kp.higher = ctx.direction === 'higher';
      kp.cap = s.excessCap ?? 0;
      kp.rate = bonusRate(s.excessRate ?? 0, kp.cap);
      kp.belowZero = s.below === 'zero';
      kp.dz = dzFraction(ctx);
    },
    run: runRatio,
  };
}

function runRatio(kp: ColumnParams, io: ColumnIO): void {
  const { n, off, value: X, out } = io;
  const R = kp.reference === 1 ? io.baseline : io.target;
  if (R === null) {
    out.fill(Number.NaN, 0, n); // no reference for any unit: every item is missing
    return;
  }
  const { refFactor, higher, rate, cap, belowZero, dz } = kp;
  for (let i = 0; i < n; i++)
    out[i] = ratioCell(X[off + i]!, R[off + i]! * refFactor, higher, rate, cap, belowZero, dz);
}

export function maxRatioFraction(p: RatioParams): number {
  return 1 + ((p.excessRate ?? 0) > 0 ? (p.excessCap ?? 0) : 0);
}
