import type { BenchmarkSpec } from '../plan/types';
import { clamp, type MethodDef, missing, zeroDivision } from './types';

/**
 * Benchmarking against a peer region (对标考核, W2/W6): own growth g = (x − base) / base
 * against the peer's gp = (peer − peerBase) / peerBase.
 *   ratio:      f = clamp(g / gp, 0, 1 + excessCap)           (gp ≤ 0 is a division-by-zero case)
 *   difference: f = clamp(par + perPoint · 100 · (g − gp), 0, 1 + excessCap)
 */
export const benchmark: MethodDef<BenchmarkSpec> = {
  kind: 'benchmark',
  inputs: ['value', 'baseValue', 'peerValue', 'peerBaseValue'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const hi = 1 + (s.excessCap ?? 0);
    if (tr) {
      tr.formula =
        s.mode === 'ratio'
          ? `f = clamp(g / gp, 0, ${hi})`
          : `f = clamp(${s.par ?? 0.8} + ${s.perPoint ?? 0.05} × 100 × (g − gp), 0, ${hi})`;
      tr.formula += '; g = (x − base) / base; gp = (peer − peerBase) / peerBase';
      Object.assign(tr.vars, {
        x: nn(c.value),
        base: nn(c.baseValue),
        peer: nn(c.peerValue),
        peerBase: nn(c.peerBaseValue),
      });
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (Number.isNaN(c.baseValue)) return missing(tr, 'baseValue');
    if (Number.isNaN(c.peerValue)) return missing(tr, 'peerValue');
    if (Number.isNaN(c.peerBaseValue)) return missing(tr, 'peerBaseValue');
    if (!(c.baseValue > 0)) return zeroDivision(ctx, tr, 'base value ≤ 0');
    if (!(c.peerBaseValue > 0)) return zeroDivision(ctx, tr, 'peer base value ≤ 0');
    const g = (c.value - c.baseValue) / c.baseValue;
    const gp = (c.peerValue - c.peerBaseValue) / c.peerBaseValue;
    if (tr) Object.assign(tr.vars, { g, gp });
    if (s.mode === 'ratio') {
      if (!(gp > 0)) return zeroDivision(ctx, tr, 'peer growth ≤ 0');
      return clamp(g / gp, 0, hi);
    }
    return clamp((s.par ?? 0.8) + (s.perPoint ?? 0.05) * 100 * (g - gp), 0, hi);
  },
  maxFraction: (s) => 1 + (s.excessCap ?? 0),
  check: (s) =>
    s.mode === 'ratio' || s.mode === 'difference' ? [] : ['mode must be "ratio" or "difference"'],
};

function nn(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
