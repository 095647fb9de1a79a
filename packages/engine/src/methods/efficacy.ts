import type { EfficacySpec } from '../plan/types';
import { step } from '../steps';
import { clamp, type MethodDef, missing, zeroDivision } from './types';

interface EfficacyStats {
  min: number;
  max: number;
}

/**
 * Efficacy coefficient (功效系数法): d = 60 + 40 · (x − x_s) / (x_h − x_s), clamped (default
 * [60, 100]); f = d / 100. x_s is the unacceptable value, x_h the satisfactory one: fixed, or the
 * scope's worst and best present values (for lower-is-better the worst is the maximum).
 */
export const efficacy: MethodDef<EfficacySpec> = {
  kind: 'efficacy',
  inputs: ['value'],
  groupRelative: true,
  prepare(_s, values) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max } satisfies EfficacyStats;
  },
  score(s, c, ctx, tr) {
    const lo = s.clamp ? s.clamp[0] : 60; // no array per call on the hot path
    const hi = s.clamp ? s.clamp[1] : 100;
    let xs: number;
    let xh: number;
    if (s.limits === 'group') {
      const st = ctx.stats as EfficacyStats;
      xs = ctx.direction === 'higher' ? st.min : st.max;
      xh = ctx.direction === 'higher' ? st.max : st.min;
    } else {
      xs = s.limits.worst;
      xh = s.limits.best;
    }
    // A scope without any present value has no worst and no best (prepare leaves ±Infinity).
    const noLimits = !(Number.isFinite(xs) && Number.isFinite(xh));
    if (tr) {
      tr.steps.push(step('efficacy.formula', { lo, hi }));
      Object.assign(tr.vars, {
        x: Number.isNaN(c.value) ? null : c.value,
        x_s: noLimits ? null : xs,
        x_h: noLimits ? null : xh,
      });
      if (noLimits) tr.notes.push(step('note.no_limits'));
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    // Unreachable through evaluate (a present x is itself in its scope); kept for direct calls.
    if (noLimits) return Number.NaN;
    if (xh === xs) return zeroDivision(ctx, tr, 'limits');
    const d = clamp(60 + (40 * (c.value - xs)) / (xh - xs), lo, hi);
    if (tr) {
      tr.vars.d = d;
      tr.steps.push(step('efficacy.result', { x: c.value, xs, xh, lo, hi, d, f: d / 100 }));
    }
    return d / 100;
  },
  maxFraction: (s) => (s.clamp ?? [60, 100])[1] / 100,
  check(s) {
    const out: string[] = [];
    if (s.limits !== 'group') {
      if (!Number.isFinite(s.limits?.worst) || !Number.isFinite(s.limits?.best))
        out.push('limits need worst and best');
      else if (s.limits.worst === s.limits.best) out.push('limits worst and best must differ');
    }
    if (s.clamp && !(s.clamp[0] >= 0 && s.clamp[1] >= s.clamp[0]))
      out.push('clamp must be [lo ≥ 0, hi ≥ lo]');
    return out;
  },
};
