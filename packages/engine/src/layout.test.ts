import { describe, expect, it } from 'vitest';
import { scopeOf, scopesOf } from './layout';
import type { Plan } from './plan/types';
import { prepared } from './stage-fixtures';
import { pointsPlan, weightedPlan } from './test-fixtures';

/** The stages' state for these units (code → group) and no values. */
const withoutValues = (plan: Plan, groups: Record<string, string>) =>
  prepared(plan, {
    period: '2016-Y',
    units: Object.entries(groups).map(([code, group]) => ({ code, group })),
    values: [],
  });

describe('layout', () => {
  it('points plan with rounded leaves and integer points: parents are order-free, leaves foldable', () => {
    const { cp, st, lay } = withoutValues(pointsPlan(), { A1: 'A', B1x: 'B1' });
    const comps = cp.nodes.filter((n) => n.kind === 'component').map((n) => n.index);
    expect(comps.map((j) => lay.orderFree[j])).toEqual([1, 1, 1]);
    expect(cp.leaves.map((j) => lay.leafFusable[j])).toEqual([1, 1, 1, 1]);
    // Leaf rows hold units of 0.01 (indicator rounding on), inner rows always do.
    expect(cp.nodes.every((n) => st.unitRow[n.index] === 1)).toBe(true);
    expect(lay.byGroup[cp.groupByCode.get('A')!]).toEqual([0]);
    expect(lay.byGroup[cp.groupByCode.get('B1')!]).toEqual([1]);
  });

  it('weighted mode: nothing is order-free; group-relative scopes by group', () => {
    const { cp, st, lay } = withoutValues(weightedPlan(), { D1: 'D', D2: 'D' });
    expect([...lay.orderFree].every((x) => x === 0)).toBe(true);
    const y1 = cp.nodeByCode.get('Y1')!;
    expect(scopeOf(cp, st, lay, y1, 1)).toEqual([0, 1]);
    expect(scopesOf(cp, lay, y1)).toEqual([[0, 1]]);
    // X1 and X2 are leaves under X whose siblings are all column methods; Y1 (efficacy) too.
    expect(['X1', 'X2', 'Y1'].map((c) => lay.leafFusable[cp.nodeByCode.get(c)!])).toEqual([1, 1, 1]);
  });
});
