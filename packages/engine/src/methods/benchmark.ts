import { step } from '../steps';
import { choice, clamp, type MethodDef, missing, round2, schemas, withChoice, zeroDivision } from './types';

export interface BenchmarkSpec {
  kind: 'benchmark';
  mode: 'ratio' | 'difference';
  /** difference mode: fraction earned when growth equals the peer's (default 0.8). */
  par?: number;
  /** difference mode: fraction per percentage point of growth above/below the peer (default 0.05). */
  perPoint?: number;
  /** Extra above full points allowed, as a fraction (default 0). */
  excessCap?: number;
}

const modeParam = choice<BenchmarkSpec['mode']>('mode', ['ratio', 'difference']);

/**
 * Benchmarking against a peer region (对标考核, W2/W6): own growth g = (x − base) / base
 * against the peer's gp = (peer − peerBase) / peerBase.
 *   ratio:      f = clamp(g / gp, 0, 1 + excessCap)           (gp ≤ 0 is a division-by-zero case)
 *   difference: f = clamp(par + perPoint · 100 · (g − gp), 0, 1 + excessCap)
 */
export const benchmark: MethodDef<BenchmarkSpec> = {
  kind: 'benchmark',
  schema: withChoice(modeParam, {
    par: schemas.number,
    perPoint: schemas.number,
    excessCap: schemas.nonNegative,
  }),
  inputs: ['value', 'baseValue', 'peerValue', 'peerBaseValue'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const hi = 1 + (s.excessCap ?? 0);
    if (tr) {
      tr.steps.push(
        s.mode === 'ratio'
          ? step('benchmark.ratio', { hi })
          : step('benchmark.difference', { par: s.par ?? 0.8, perPoint: s.perPoint ?? 0.05, hi }),
      );
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
    if (!(c.baseValue > 0)) return zeroDivision(ctx, tr, 'base');
    if (!(c.peerBaseValue > 0)) return zeroDivision(ctx, tr, 'peer_base');
    const g = (c.value - c.baseValue) / c.baseValue;
    const gp = (c.peerValue - c.peerBaseValue) / c.peerBaseValue;
    if (tr) {
      Object.assign(tr.vars, { g, gp });
      const { value: x, baseValue: base, peerValue: peer, peerBaseValue: peerBase } = c;
      tr.steps.push(step('benchmark.growth', { x, base, peer, peerBase, g, gp }));
    }
    if (s.mode === 'ratio') {
      if (!(gp > 0)) return zeroDivision(ctx, tr, 'peer_growth');
      const f = clamp(g / gp, 0, hi);
      if (tr) tr.steps.push(step('benchmark.ratio_result', { hi, f }));
      return f;
    }
    const par = s.par ?? 0.8;
    const perPoint = s.perPoint ?? 0.05;
    const f = clamp(par + perPoint * 100 * (g - gp), 0, hi);
    if (tr) tr.steps.push(step('benchmark.difference_result', { par, perPoint, hi, f }));
    return f;
  },
  maxFraction: (s) => 1 + (s.excessCap ?? 0),
  check: (s) => modeParam.check(s.mode),
  sample(_s, { target: base, perf, rnd }) {
    const peerBase = Math.round(100 + rnd() * 900);
    return {
      value: round2(base * (1 + 0.09 * perf)),
      baseValue: base,
      peerValue: round2(peerBase * (1 + 0.06 + rnd() * 0.04)),
      peerBaseValue: peerBase,
    };
  },
};

function nn(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
