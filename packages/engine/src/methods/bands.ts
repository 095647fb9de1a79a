import { type MethodIssue, methodIssue } from '../plan/issue-codes';
import { step } from '../steps';
import type { ColumnIO, ColumnParams } from './column';
import { type MethodDef, missing, round2 } from './types';

export interface BandsSpec {
  kind: 'bands';
  /** [value, fraction] pairs with ascending values. */
  breakpoints: [number, number][];
  interpolate: boolean;
}

/**
 * Threshold bands or linear interpolation between breakpoints [value, fraction] (ascending values).
 * Step: the fraction of the last breakpoint reached, 0 below the first.
 * Interpolate: linear between neighbours, flat beyond the ends.
 */
export const bands: MethodDef<BandsSpec> = {
  kind: 'bands',
  schema: {
    required: ['breakpoints', 'interpolate'],
    properties: {
      breakpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'array',
          prefixItems: [{ type: 'number' }, { type: 'number', minimum: 0 }],
          minItems: 2,
          maxItems: 2,
        },
      },
      interpolate: { type: 'boolean' },
    },
  },
  inputs: ['value'],
  groupRelative: false,
  score(s, c, _ctx, tr) {
    const x = c.value;
    const bp = s.breakpoints;
    if (tr) {
      tr.steps.push(
        step(s.interpolate ? 'bands.interpolate' : 'bands.step', {
          x: Number.isNaN(x) ? null : x,
          breakpoints: bp.map(([v, f]) => [v, f]),
        }),
      );
      tr.vars.x = Number.isNaN(x) ? null : x;
      tr.vars.breakpoints = JSON.stringify(bp);
    }
    if (Number.isNaN(x)) return missing(tr, 'value');
    const xs = Float64Array.from(bp, (p) => p[0]);
    const fs = Float64Array.from(bp, (p) => p[1]);
    return s.interpolate ? bandsLinear(x, xs, fs) : bandsStep(x, xs, fs);
  },
  column: {
    setUp(s, _ctx, kp) {
      const bp = s.breakpoints;
      if (kp.bx.length !== bp.length) {
        kp.bx = new Float64Array(bp.length);
        kp.bf = new Float64Array(bp.length);
      }
      for (let i = 0; i < bp.length; i++) {
        kp.bx[i] = bp[i]![0];
        kp.bf[i] = bp[i]![1];
      }
      kp.interpolate = s.interpolate === true;
    },
    run(kp: ColumnParams, io: ColumnIO) {
      const { n, off, value: X, out } = io;
      const { bx, bf } = kp;
      if (kp.interpolate) for (let i = 0; i < n; i++) out[i] = bandsLinear(X[off + i]!, bx, bf);
      else for (let i = 0; i < n; i++) out[i] = bandsStep(X[off + i]!, bx, bf);
    },
  },
  maxFraction: (s) => Math.max(0, ...s.breakpoints.map((b) => b[1])),
  check(s) {
    const out: MethodIssue[] = [];
    if (!Array.isArray(s.breakpoints) || s.breakpoints.length === 0)
      return [methodIssue('method.breakpoints_empty', {})];
    for (let i = 0; i < s.breakpoints.length; i++) {
      const [x, f] = s.breakpoints[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(f) || f < 0)
        out.push(methodIssue('method.breakpoint_invalid', { n: i + 1 }));
      if (i > 0 && !(x > s.breakpoints[i - 1]![0])) out.push(methodIssue('method.breakpoints_ascending', {}));
    }
    return out;
  },
  sample(s, { direction, perf }) {
    const lo = s.breakpoints[0]![0];
    const hi = s.breakpoints[s.breakpoints.length - 1]![0];
    const span = hi - lo || 1;
    const t = Math.min(1.1, Math.max(-0.1, (perf - 0.8) / 0.3));
    return { value: round2(direction === 'higher' ? lo + t * span : hi - t * span) };
  },
};

/** Step rule for one cell: the fraction of the last breakpoint x reaches, 0 below the first; NaN when missing. */
export function bandsStep(x: number, bx: Float64Array, bf: Float64Array): number {
  if (Number.isNaN(x)) return Number.NaN;
  let f = 0;
  for (let i = 0; i < bx.length; i++) if (x >= bx[i]!) f = bf[i]!;
  return f;
}

const SEL3 = new Float64Array(3);

/**
 * Interpolated rule for one cell: linear between neighbouring breakpoints, flat beyond the ends
 * (breakpoints strictly ascending, as validated). The segment is 1 + #{inner breakpoints below
 * x}, found without a branch, and the choice between below the first, inside, and above the last
 * is made by index: on real data these are unpredictable, and branches would be mispredicted.
 */
export function bandsLinear(x: number, bx: Float64Array, bf: Float64Array): number {
  if (Number.isNaN(x)) return Number.NaN;
  const n = bx.length;
  if (n === 1) return bf[0]!;
  let i = 1;
  for (let k = 1; k < n - 1; k++) i += +(x > bx[k]!);
  const x0 = bx[i - 1]!;
  const f0 = bf[i - 1]!;
  SEL3[0] = bf[0]!;
  SEL3[1] = f0 + ((bf[i]! - f0) * (x - x0)) / (bx[i]! - x0);
  SEL3[2] = bf[n - 1]!;
  return SEL3[+(x > bx[0]!) + +(x > bx[n - 1]!)]!;
}
