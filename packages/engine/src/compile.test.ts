import { describe, expect, it } from 'vitest';
import { compilePlan } from './compile';
import { pointsPlan, weightedPlan } from './test-fixtures';

describe('compile plan', () => {
  it('points plan: nodes children-first, leaves with slots, full points per group, default rounding', () => {
    const cp = compilePlan(pointsPlan());
    const codes = cp.nodes.map((n) => n.code);
    // Every child comes before its parent (one forward pass aggregates a unit).
    for (const n of cp.nodes) for (const c of n.children) expect(c).toBeLessThan(n.index);
    expect(cp.leaves.map((j) => codes[j])).toEqual(['T1', 'T2', 'D1', 'S1']);
    expect(cp.leaves.map((j) => cp.nodes[j]!.slot)).toEqual([0, 1, 2, 3]);
    const A = cp.groupByCode.get('A')!;
    const T1 = cp.nodeByCode.get('T1')!;
    expect(cp.full[A * cp.nodes.length + T1]).toBe(30);
    expect(cp.totalPoints).toBe(100);
    expect([cp.decimals, cp.roundMode, cp.roundIndicator, cp.roundTotal]).toEqual([2, 'half_up', true, true]);
    expect(cp.nodes[T1]!.missing).toBe('zero');
  });

  it('weighted plan: full score 100 for every node, weights within the parent', () => {
    const cp = compilePlan(weightedPlan());
    const X1 = cp.nodeByCode.get('X1')!;
    expect(cp.mode).toBe('weighted');
    expect(cp.full[X1]).toBe(100);
    expect(cp.weight[X1]).toBe(50);
    expect(cp.nodes[cp.nodeByCode.get('X2')!]!.missing).toBe('reweight');
  });
});
