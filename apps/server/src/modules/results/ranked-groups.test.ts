import type { UnitScore } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { rankedGroups } from './ranked-groups.js';

const unit = (unit: string, group: string, total: number, rank: number, placement: number): UnitScore => ({
  unitId: null,
  unit,
  name: `${unit}局`,
  group,
  category: 'A',
  total,
  base: total,
  bonus: 0,
  deductions: 0,
  vetoes: [],
  rank,
  placement,
  grade: { code: 'good', name: '良好', color: 'blue', downgraded: false },
  components: [],
  awards: [],
});

describe('rankedGroups', () => {
  it('orders groups as the plan does and units by placement, not by total', () => {
    // b2 has the higher total but was vetoed: placed after b1 (placement 2 vs 1).
    const units = [unit('a1', 'A', 90, 1, 1), unit('b2', 'B', 95, 1, 2), unit('b1', 'B', 80, 2, 1)];
    const groups = rankedGroups(units, [
      { code: 'B', name: '政府口' },
      { code: 'A', name: '党群口' },
      { code: 'C', name: '垂管' },
    ]);
    expect(groups.map((g) => [g.name, g.units.map((u) => u.unit)])).toEqual([
      ['政府口', ['b1', 'b2']],
      ['党群口', ['a1']],
    ]);
    expect(groups[0]!.units[1]).toEqual({
      unit: 'b2',
      name: 'b2局',
      total: 95,
      rank: 1,
      grade: { code: 'good', name: '良好', color: 'blue' },
    });
  });

  it('keeps a group the plan no longer names, under its code', () => {
    expect(rankedGroups([unit('x', 'Z', 50, 1, 1)], []).map((g) => g.name)).toEqual(['Z']);
  });
});
