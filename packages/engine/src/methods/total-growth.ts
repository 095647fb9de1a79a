import { methodIssue } from '../plan/issue-codes';
import { cleanNumber } from '../rounding';
import { step } from '../steps';
import { clamp, type MethodDef, missing, round2, schemas, zeroDivision } from './types';

export interface TotalGrowthSpec {
  kind: 'total_growth';
  /** Share of the total part; growth gets the rest (W3: 0.4). */
  totalShare: number;
  /** Growth-rate target (0.08 = 8 %); default derives it from target and base value. */
  growthTarget?: number;
}

/**
 * Total and growth together (W3, split 4:6): f = s · min(1, x / target) + (1 − s) · clamp(g / gT, 0, 1)
 * with g = (x − base) / base and gT the growth target (given, or (target − base) / base).
 */
export const totalGrowth: MethodDef<TotalGrowthSpec> = {
  kind: 'total_growth',
  schema: {
    required: ['totalShare'],
    properties: { totalShare: schemas.fraction, growthTarget: schemas.number },
  },
  direction: 'higher',
  inputs: ['value', 'target', 'baseValue'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const x = c.value;
    const t = c.target;
    const b = c.baseValue;
    if (tr) {
      tr.steps.push(
        step('total_growth.formula', { share: s.totalShare, rest: cleanNumber(1 - s.totalShare) }),
      );
      Object.assign(tr.vars, { x: nan(x), target: nan(t), base: nan(b) });
    }
    if (Number.isNaN(x)) return missing(tr, 'value');
    if (Number.isNaN(t)) return missing(tr, 'target');
    if (Number.isNaN(b)) return missing(tr, 'baseValue');
    if (!(t > 0)) return zeroDivision(ctx, tr, 'target');
    if (!(b > 0)) return zeroDivision(ctx, tr, 'base');
    const totalPart = Math.min(1, Math.max(0, x / t));
    const g = (x - b) / b;
    const gT = s.growthTarget ?? (t - b) / b;
    if (!(gT > 0)) return zeroDivision(ctx, tr, 'growth_target');
    const growthPart = clamp(g / gT, 0, 1);
    const f = s.totalShare * totalPart + (1 - s.totalShare) * growthPart;
    if (tr) {
      Object.assign(tr.vars, { totalPart, g, gT, growthPart });
      const share = s.totalShare;
      const rest = cleanNumber(1 - share);
      tr.steps.push(
        step('total_growth.result', { x, target: t, base: b, totalPart, g, gT, growthPart, share, rest, f }),
      );
    }
    return f;
  },
  maxFraction: () => 1,
  check: (s) => (s.totalShare >= 0 && s.totalShare <= 1 ? [] : [methodIssue('method.total_share_range', {})]),
  sample: (_s, { target: base, perf }) => ({
    value: round2(base * (1 + 0.1 * perf - 0.02)),
    target: round2(base * 1.08),
    baseValue: base,
  }),
};

function nan(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
