import { describe, expect, it } from 'vitest';
import { computeDeltas, movedOnly, type Standing } from './whatif.js';

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
