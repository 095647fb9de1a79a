import { describe, expect, it } from 'vitest';
import { compareResults } from './compare';
import { evaluate } from './evaluate';
import { miniInput, pointsPlan } from './test-fixtures';

/**
 * The mini plan's totals before: A1 103, A4 100.5, A2 95.2, A3 83.18 (see test-fixtures). After,
 * A2 reports T2 110 instead of 90 (18 → 21 points) and S1 100 instead of 88.8 (22.2 → 25): 95.2
 * + 3 + 2.8 = 101, past A4. A3's 1.5-point deduction is withdrawn: 83.18 → 84.68.
 */
describe('compareResults', () => {
  const plan = pointsPlan();
  const before = evaluate(plan, miniInput());
  const input = miniInput({ deductions: [] });
  input.values = input.values.map((v) =>
    v.unit !== 'A2'
      ? v
      : v.indicator === 'T2'
        ? { ...v, value: 110 }
        : v.indicator === 'S1'
          ? { ...v, value: 100 }
          : v,
  );
  const after = evaluate(plan, input);
  const cmp = compareResults(before, after);
  const of = (unit: string) => cmp.units.find((u) => u.unit === unit)!;

  it('says who moved up or down and by how much', () => {
    expect(of('A2')).toMatchObject({
      before: { total: 95.2, rank: 3 },
      after: { total: 101, rank: 2 },
      totalDelta: 5.8,
      rankDelta: 1,
    });
    expect(of('A4')).toMatchObject({ totalDelta: 0, rankDelta: -1, indicators: [] });
    expect(cmp.summary).toEqual({ up: 1, down: 1, changed: 3, unchanged: 1 });
    // The biggest moves first; the unchanged A1 last.
    expect(cmp.units.map((u) => u.unit)).toEqual(['A2', 'A4', 'A3', 'A1']);
  });

  it('explains a move indicator by indicator, components included', () => {
    const changes = Object.fromEntries(
      of('A2').indicators.map((c) => [c.code, [c.before, c.after, c.delta]]),
    );
    expect(changes).toEqual({
      T2: [18, 21, 3],
      T: [48, 51, 3],
      S1: [22.2, 25, 2.8],
      S: [22.2, 25, 2.8],
    });
  });

  it('shows a withdrawn deduction and a changed grade', () => {
    expect(of('A3')).toMatchObject({
      totalDelta: 1.5,
      deductions: { before: 1.5, after: 0 },
      indicators: [],
    });
    // Two 优秀 places in four units (50 %): A1 and A4 before, A1 and A2 after.
    expect(of('A2').before?.grade).toBe('good');
    expect(of('A2').after?.grade).toBe('excellent');
    expect(of('A4').after?.grade).toBe('good');
  });

  it('lists a unit present on one side only', () => {
    const all = miniInput();
    const fewer = evaluate(plan, {
      ...all,
      units: all.units.filter((u) => u.code !== 'A4'),
      values: all.values.filter((v) => v.unit !== 'A4'),
    });
    const a4 = compareResults(before, fewer).units.find((u) => u.unit === 'A4')!;
    expect(a4.after).toBeNull();
    expect(a4.totalDelta).toBe(-100.5);
  });
});
