import { describe, expect, it } from 'vitest';
import { rankAndGradeGroup, rankCrossings, standingOf } from './rank-grade';
import { prepared } from './stage-fixtures';
import { pointsPlan } from './test-fixtures';

/**
 * Ranks, grades and placement of one group from given totals. The mini plan's grades: excellent
 * ≥ 90 with at most 50 % of the group (floor), good ≥ 80, pass ≥ 60, fail; veto lowers one level
 * and frees the place for the next unit.
 */
describe('rank and grade', () => {
  const setUp = (vetoed: string[] = []) => {
    const units = ['A1', 'A2', 'A3', 'A4'].map((code) => ({ code, group: 'A' }));
    const s = prepared(pointsPlan(), {
      period: '2016-Y',
      units,
      values: [],
      vetoes: vetoed.map((unit) => ({ unit, event: 'x' })),
    });
    s.st.total.set([95, 95.2, 60.68, 100.5]);
    const sd = standingOf(s.st, s.lay.byGroup);
    rankAndGradeGroup(s.st, sd, s.cp.groupByCode.get('A')!);
    rankCrossings(s.st, sd);
    const level = (u: number) => s.cp.plan.grades.levels[s.st.level[u]!]!.code;
    return { st: s.st, level };
  };

  it('ranks by total and fills the quota level best first', () => {
    const { st, level } = setUp();
    expect(Array.from(st.rank)).toEqual([3, 2, 4, 1]);
    // Quota 2 of 4: A4 and A2 excellent; A1 (95) is over 90 but the places are taken → good.
    expect([0, 1, 2, 3].map(level)).toEqual(['good', 'excellent', 'pass', 'excellent']);
    expect(Array.from(st.placement)).toEqual([3, 2, 4, 1]);
    expect(Array.from(st.crossRank[0]!)).toEqual([3, 2, 4, 1]);
  });

  it('a vetoed unit goes one level down and its place goes to the next unit', () => {
    const { st, level } = setUp(['A4']);
    expect(Array.from(st.rank)).toEqual([3, 2, 4, 1]);
    expect([0, 1, 2, 3].map(level)).toEqual(['excellent', 'excellent', 'pass', 'good']);
    expect(st.downgraded[3]).toBe(1);
    // Published order: level first, then total: A2, A1, A4, A3.
    expect(Array.from(st.placement)).toEqual([2, 1, 4, 3]);
  });
});
