import { type MethodIssue, methodIssue } from '../plan/issue-codes';
import { step } from '../steps';
import { type MethodDef, missing, type ScopeParams, sampleGroupRelative, schemas } from './types';

interface RankStats {
  /** Present values of the scope, ascending. */
  sorted: Float64Array;
}

/** Index of the first element > x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element ≥ x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RankMethodSpec extends ScopeParams {
  kind: 'rank';
  /** Fractions for rank 1, 2, …; later ranks take the last entry. */
  table?: number[];
  /** Linear mode (no table): fraction of the last rank (default 0.6). */
  floor?: number;
}

/**
 * Rank-based points within the group: competition rank r (1,2,2,4) of the value among the
 * scope's present values; f = table[r − 1] (last entry repeats), or linear from 1 at rank 1
 * to `floor` at rank n: f = 1 − (1 − floor) · (r − 1) / (n − 1).
 */
export const rank: MethodDef<RankMethodSpec> = {
  kind: 'rank',
  schema: {
    properties: {
      table: { type: 'array', items: schemas.nonNegative },
      floor: schemas.fraction,
      scope: schemas.scope,
    },
  },
  inputs: ['value'],
  groupRelative: true,
  prepare(_s, values) {
    const sorted = Float64Array.from(values).sort();
    return { sorted } satisfies RankStats;
  },
  score(s, c, ctx, tr) {
    const { sorted } = ctx.stats as RankStats;
    const n = sorted.length;
    const floor = s.floor ?? 0.6;
    if (tr) {
      tr.steps.push(s.table ? step('rank.table', { table: [...s.table] }) : step('rank.linear', { floor }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    const better = ctx.direction === 'higher' ? n - upperBound(sorted, c.value) : lowerBound(sorted, c.value);
    const r = better + 1;
    if (tr) {
      Object.assign(tr.vars, { r, n });
      tr.steps.push(step('rank.position', { x: c.value, r, n }));
    }
    if (s.table && s.table.length > 0) {
      const f = s.table[Math.min(r, s.table.length) - 1]!;
      if (tr) tr.steps.push(step('rank.table_result', { r, f }));
      return f;
    }
    if (n <= 1) {
      if (tr) tr.steps.push(step('rank.single', { n }));
      return 1;
    }
    const f = 1 - ((1 - floor) * (r - 1)) / (n - 1);
    if (tr) tr.steps.push(step('rank.linear_result', { floor, r, n, f }));
    return f;
  },
  maxFraction: (s) => (s.table && s.table.length > 0 ? Math.max(0, ...s.table) : 1),
  check(s) {
    const out: MethodIssue[] = [];
    if (s.floor !== undefined && !(s.floor >= 0 && s.floor <= 1))
      out.push(methodIssue('method.floor_range', {}));
    if (s.table) {
      if (s.table.some((f) => !(f >= 0))) out.push(methodIssue('method.table_negative', {}));
      for (let i = 1; i < s.table.length; i++)
        if (s.table[i]! > s.table[i - 1]!) out.push(methodIssue('method.table_increasing', {}));
    }
    return out;
  },
  sample: (_s, draw) => sampleGroupRelative(draw),
};
