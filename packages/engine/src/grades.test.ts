import { describe, expect, it } from 'vitest';
import { assignGrades, assignGradesPlain, quotaCounts, quotaOf } from './grades';
import type { GradeSpec } from './plan/types';
import { competitionRank } from './rank';

const spec = (tie: 'exclude' | 'include'): GradeSpec => ({
  levels: [
    { code: 'A', name: '优秀', color: 'green', minScore: 90, maxShare: 0.4 },
    { code: 'B', name: '良好', color: 'blue', minScore: 80 },
    { code: 'C', name: '合格', color: 'gold' },
  ],
  tieAtQuotaEdge: tie,
});
const cand = (totals: number[], vetoed: number[] = []) =>
  totals.map((total, id) => ({ id, total, downgrade: vetoed.includes(id), noAdvanced: false }));

describe('competition ranking', () => {
  it('1, 2, 2, 4', () => {
    const out = new Int32Array(4);
    competitionRank([0, 1, 2, 3], [100, 90, 90, 80], out);
    expect([...out]).toEqual([1, 2, 2, 4]);
  });
});

describe('grade quotas (W8)', () => {
  it('quota rounding: 0.15 × 20 = 3 exactly; 0.3 × 8 = 2.4 → floor 2, round 2, ceil 3', () => {
    expect(quotaOf({ code: 'x', name: 'x', color: 'x', maxShare: 0.15 }, 20, 'floor')).toBe(3);
    expect(quotaOf({ code: 'x', name: 'x', color: 'x', maxShare: 0.3 }, 8, 'floor')).toBe(2);
    expect(quotaOf({ code: 'x', name: 'x', color: 'x', maxShare: 0.3 }, 8, 'round')).toBe(2);
    expect(quotaOf({ code: 'x', name: 'x', color: 'x', maxShare: 0.3 }, 8, 'ceil')).toBe(3);
  });
  it('tie at the quota edge: quota floor(0.4 × 5) = 2; totals 95, 92, 92 → exclude: only 95; include: all three', () => {
    const totals = [95, 92, 92, 85, 70];
    expect(assignGrades(cand(totals), spec('exclude'), undefined).map((o) => o.level)).toEqual([
      0, 1, 1, 1, 2,
    ]);
    expect(assignGrades(cand(totals), spec('include'), undefined).map((o) => o.level)).toEqual([
      0, 0, 0, 1, 2,
    ]);
  });
  it('minimum score applies before the quota: 89.99 is not excellent', () => {
    expect(assignGrades(cand([89.99, 85, 60, 50, 40]), spec('exclude'), undefined)[0]!.level).toBe(1);
  });
  it('veto (W12): lowered one level; place passed on (next_unit) or lost (lapse)', () => {
    const totals = [97, 95, 93, 85, 70]; // quota 2
    const next = assignGrades(cand(totals, [0]), spec('exclude'), {
      effects: ['downgrade_last'],
      freedQuota: 'next_unit',
    });
    expect(next.map((o) => o.level)).toEqual([1, 0, 0, 1, 2]);
    expect(next[0]).toMatchObject({ natural: 0, downgraded: true });
    const lapse = assignGrades(cand(totals, [0]), spec('exclude'), {
      effects: ['downgrade_last'],
      freedQuota: 'lapse',
    });
    expect(lapse.map((o) => o.level)).toEqual([1, 0, 1, 1, 2]);
  });
});

describe('assignGradesPlain (no vetoes, typed arrays)', () => {
  it('gives the levels of assignGrades on random groups, both tie rules and all quota roundings', () => {
    let a = 12345;
    const rnd = () => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return a / 4294967296;
    };
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(rnd() * 40);
      // Coarse totals so ties (also on quota edges) are common.
      const totals = Array.from({ length: n }, () => Math.floor(rnd() * 12) * 5 + 50);
      totals.sort((x, y) => y - x);
      const sp: GradeSpec = {
        levels: [
          { code: 'A', name: 'A', color: 'g', minScore: 90, maxShare: rnd() * 0.5 },
          {
            code: 'B',
            name: 'B',
            color: 'b',
            minScore: rnd() < 0.5 ? 80 : undefined,
            maxCount: rnd() < 0.5 ? 3 : undefined,
          },
          { code: 'C', name: 'C', color: 'y', minScore: 60, maxShare: rnd() < 0.3 ? 0.3 : undefined },
          { code: 'D', name: 'D', color: 'r' },
        ],
        tieAtQuotaEdge: rnd() < 0.5 ? 'include' : 'exclude',
        quotaRounding: (['floor', 'round', 'ceil'] as const)[Math.floor(rnd() * 3)],
      };
      const want = assignGrades(cand(totals), sp, undefined).map((o) => o.level);
      const got = new Int32Array(n);
      assignGradesPlain(Float64Array.from(totals), n, sp, got);
      expect([...got]).toEqual(want);
    }
  });
});

describe('quota counts per group (places the quota gave, places used)', () => {
  // Wuxi (seed 002, W8): group B1 综合 has 20 units; 优秀 at most 15 % → 3 places.
  const wuxi: GradeSpec = {
    levels: [
      { code: 'excellent', name: '优秀', color: 'green', minScore: 90, maxShare: 0.15 },
      { code: 'good', name: '良好', color: 'blue', minScore: 80, maxCount: 8 },
      { code: 'pass', name: '合格', color: 'gold' },
    ],
  };
  it('B1, 20 units: 优秀 3 places, 2 used (only two reach 90); 良好 8 places (maxCount), 8 used', () => {
    // totals: 95, 91 then 18 units below 90 → levels 0, 0, then 8 × 1, then 10 × 2
    const levels = [0, 0, ...Array<number>(8).fill(1), ...Array<number>(10).fill(2)];
    expect(quotaCounts(wuxi, 20, levels)).toEqual([
      { level: 'excellent', name: '优秀', places: 3, used: 2 },
      { level: 'good', name: '良好', places: 8, used: 8 },
    ]);
  });
  it('from assignGrades: 5 units, maxShare 0.4 → 2 places; tie included → 3 used', () => {
    const out = assignGrades(cand([95, 92, 92, 85, 70]), spec('include'), undefined);
    expect(
      quotaCounts(
        spec('include'),
        5,
        out.map((o) => o.level),
      ),
    ).toEqual([{ level: 'A', name: '优秀', places: 2, used: 3 }]);
  });
});
