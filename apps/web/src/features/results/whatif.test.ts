import { describe, expect, it } from 'vitest';
import { applyChanges, computeDeltas, currentValue, movedOnly, type Standing } from './whatif.js';

const g = (code: string) => ({ code, name: code, color: '#000' });
const s = (unit: string, total: number, rank: number, grade = 'good', group = 'A'): Standing => ({
  unit,
  name: unit,
  group,
  total,
  rank,
  grade: g(grade),
});

describe('computeDeltas', () => {
  const before = [s('U1', 90, 1, 'excellent'), s('U2', 85, 2), s('U3', 80, 3), s('V1', 70, 1, 'pass', 'B')];
  const after = [s('U1', 84.5, 2), s('U2', 85, 1, 'excellent'), s('U3', 80, 3), s('V1', 70, 1, 'pass', 'B')];

  it('gives Δtotal, places moved and grade changes, sorted by the new rank', () => {
    const d = computeDeltas(before, after, 'A');
    expect(d.map((x) => x.unit)).toEqual(['U2', 'U1', 'U3']);
    expect(d[0]).toMatchObject({ dTotal: 0, dRank: 1, gradeChanged: true });
    expect(d[1]).toMatchObject({ dTotal: -5.5, dRank: -1, gradeChanged: true });
    expect(d[2]).toMatchObject({ dTotal: 0, dRank: 0, gradeChanged: false });
  });

  it('keeps other groups apart and lists only moved units on request', () => {
    expect(computeDeltas(before, after).length).toBe(4);
    expect(movedOnly(computeDeltas(before, after)).map((x) => x.unit)).toEqual(['U2', 'U1']);
  });

  it('rounds the total difference to 2 decimals (no float noise)', () => {
    const d = computeDeltas([s('U', 0.1, 1)], [s('U', 0.3, 1)]);
    expect(d[0]!.dTotal).toBe(0.2);
  });
});

describe('applyChanges', () => {
  const input = {
    period: '2026-Y',
    units: [],
    values: [{ unit: 'U1', indicator: 'T1', value: 80, target: 100 }],
    bonuses: [{ unit: 'U1', source: 'innovation', points: 1 }],
  };

  it('changes a field, adds missing rows, appends bonuses and deductions, and leaves the input alone', () => {
    const out = applyChanges(input, [
      { type: 'value', unit: 'U1', indicator: 'T1', field: 'value', value: 95 },
      { type: 'value', unit: 'U2', indicator: 'T1', field: 'target', value: 50 },
      { type: 'bonus', unit: 'U2', source: 'effect', points: 2, reason: 'r' },
      { type: 'deduction', unit: 'U1', points: 0.5, reason: '迟报' },
    ]);
    expect(out.values).toEqual([
      { unit: 'U1', indicator: 'T1', value: 95, target: 100 },
      { unit: 'U2', indicator: 'T1', target: 50 },
    ]);
    expect(out.bonuses).toHaveLength(2);
    expect(out.deductions).toEqual([{ unit: 'U1', points: 0.5, reason: '迟报' }]);
    expect(input.values[0]!.value).toBe(80);
    expect(input.bonuses).toHaveLength(1);
    expect(currentValue(out, 'U1', 'T1', 'value')).toBe(95);
    expect(currentValue(out, 'U1', 'T9', 'value')).toBeNull();
  });
});
