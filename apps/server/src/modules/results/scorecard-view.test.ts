import type { TraceNode } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import { aspectsOf, lostPoints } from './scorecard-view.js';

const node = (code: string, score: number | null, full: number, weight: number, children: TraceNode[] = []) =>
  ({ code, name: code, kind: 'indicator', score, full, weight, children }) as unknown as TraceNode;

describe('what a scorecard shows', () => {
  it('the aspects are the first-level indicators, each as a share of its full points', () => {
    // 深圳-like: one component with four aspects 45 / 20 / 25 / 10.
    const trace = {
      components: [
        node('sys', 80, 100, 100, [
          node('业绩', 36, 45, 45),
          node('效率', 15, 20, 20),
          node('执行力', 25, 25, 25),
          node('成本', 4, 10, 10),
        ]),
      ],
    };
    expect(aspectsOf(trace)).toEqual({
      aspectChart: 'radar',
      aspects: [
        { name: '业绩', share: 0.8 },
        { name: '效率', share: 0.75 },
        { name: '执行力', share: 1 },
        { name: '成本', share: 0.4 },
      ],
    });
  });

  it('fewer than three aspects (and components) make bars instead of a radar', () => {
    const trace = {
      components: [node('main', 86, 100, 100, [node('I1', 54, 60, 60), node('I2', 32, 40, 40)])],
    };
    // Two first-level indicators are too few; the one component is too: bars of the components.
    expect(aspectsOf(trace)).toEqual({ aspectChart: 'bars', aspects: [{ name: 'main', share: 0.86 }] });
  });

  it('points plans: the leaves that lost the most points come first', () => {
    // I1 lost 60 − 54 = 6, I2 lost 40 − 32 = 8, I3 full: I2, I1.
    const trace = {
      mode: 'points' as const,
      components: [
        node('main', 86, 110, 110, [node('I1', 54, 60, 60), node('I2', 32, 40, 40), node('I3', 10, 10, 10)]),
      ],
    };
    expect(lostPoints(trace)).toEqual([
      { name: 'I2', score: 32, full: 40 },
      { name: 'I1', score: 54, full: 60 },
    ]);
  });

  it('weighted plans: a leaf counts by its weight in the total', () => {
    // Components A (weight 80) and B (20), leaves on a 100 scale. A1 (A's only leaf) at 90 loses
    // 10 % × 0.8 = 0.08 of the total; B1 and B2 share B (weights 1 and 1): B1 at 50 loses
    // 50 % × 0.2 × ½ = 0.05, B2 at 75 loses 25 % × 0.1 = 0.025. A1 first, though its own loss
    // (10 points) is smaller than B1's (50).
    const trace = {
      mode: 'weighted' as const,
      components: [
        node('A', 90, 100, 80, [node('A1', 90, 100, 1)]),
        node('B', 62.5, 100, 20, [node('B1', 50, 100, 1), node('B2', 75, 100, 1)]),
      ],
    };
    expect(lostPoints(trace).map((l) => l.name)).toEqual(['A1', 'B1', 'B2']);
  });
});
