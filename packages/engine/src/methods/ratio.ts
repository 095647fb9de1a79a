import type { Direction } from '../plan/types';
import { step } from '../steps';
import { type MethodContext, type Tracer, zeroDivision } from './types';

export interface RatioParams {
  below?: 'linear' | 'zero';
  excessRate?: number;
  excessCap?: number;
}

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
  let r: number;
  if (direction === 'higher') r = x / ref;
  else r = x > 0 ? ref / x : Number.POSITIVE_INFINITY; // nothing at all is the best a lower-is-better value can do
  const rate = p.excessRate ?? 0;
  const cap = p.excessCap ?? 0;
  let f: number;
  if (r >= 1) f = 1 + (rate > 0 && cap > 0 ? Math.min(cap, rate * (r - 1)) : 0);
  else f = p.below === 'zero' ? 0 : Math.max(0, r);
  if (tr) {
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

export function maxRatioFraction(p: RatioParams): number {
  return 1 + ((p.excessRate ?? 0) > 0 ? (p.excessCap ?? 0) : 0);
}
