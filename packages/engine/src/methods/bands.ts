import type { BandsSpec } from '../plan/types';
import { step } from '../steps';
import { type MethodDef, missing } from './types';

/**
 * Threshold bands or linear interpolation between breakpoints [value, fraction] (ascending values).
 * Step: the fraction of the last breakpoint reached, 0 below the first.
 * Interpolate: linear between neighbours, flat beyond the ends.
 */
export const bands: MethodDef<BandsSpec> = {
  kind: 'bands',
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
    const n = bp.length;
    if (!s.interpolate) {
      let f = 0;
      for (let i = 0; i < n; i++) if (x >= bp[i]![0]) f = bp[i]![1];
      return f;
    }
    if (x <= bp[0]![0]) return bp[0]![1];
    for (let i = 1; i < n; i++) {
      const x1 = bp[i]![0];
      if (x <= x1) {
        const f1 = bp[i]![1];
        const x0 = bp[i - 1]![0];
        const f0 = bp[i - 1]![1];
        // Strictly ascending breakpoints (validated) make x1 − x0 > 0.
        return f0 + ((f1 - f0) * (x - x0)) / (x1 - x0);
      }
    }
    return bp[n - 1]![1];
  },
  maxFraction: (s) => Math.max(0, ...s.breakpoints.map((b) => b[1])),
  check(s) {
    const out: string[] = [];
    if (!Array.isArray(s.breakpoints) || s.breakpoints.length === 0) return ['breakpoints must not be empty'];
    for (let i = 0; i < s.breakpoints.length; i++) {
      const [x, f] = s.breakpoints[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(f) || f < 0)
        out.push(`breakpoint ${i + 1} must be [value, fraction ≥ 0]`);
      if (i > 0 && !(x > s.breakpoints[i - 1]![0])) out.push('breakpoint values must be strictly ascending');
    }
    return out;
  },
};
