/**
 * The rules template 'wuxi-departments-2016' claims (templates/index.ts), each exercised through
 * the template's own plan with a small hand-made input. Every expected number is worked out by
 * hand from rules.md and the plan's parameters in the comment beside it.
 *
 * Plan in brief (points mode, 2 decimals half-up at indicator and total):
 *   target 50 = T1 20 (C: 25) completion + T2 15 (C: 10) key works K1 9 (C: 6), K2 6 (C: 4)
 *               + T3 10 bands [[60, .6], [80, .85], [95, 1]] interpolated + T4 5 pro-rata by month
 *   daily 25  = D1 10 deduction 1 per fault + D2 5 deduction 2.5 per fault
 *               + D3 10 efficacy, group limits, d = 60 + 40 (x − min) / (max − min)
 *   social 25 = S1 5 + S2 5 + S3 5 + S4 10, satisfaction x / 100
 *   bonus cap 8; veto: downgrade_last + no_advanced_title, freed quota → next unit;
 *   优秀 ≥ 90 and at most floor(30 % of the group), 良好 ≥ 80, 合格 ≥ 60, 不合格.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import type { UnitInput } from '../input';
import { validatePlan } from '../plan/validate';
import { type Cells, grades, input, planCopy, score, template, totals, unitsOf } from './claims-test-helpers';

const tpl = template('wuxi-departments-2016');
const Y = '2016-Y';

/** Full marks on every leaf (D3 full only for the best of a group that has a spread). */
const FULL: Cells = {
  T1: { value: 100, target: 100 }, // r = 1 → f = 1
  'T2.K1': { value: 100, target: 100 },
  'T2.K2': { value: 100, target: 100 },
  T3: { value: 95 }, // x ≥ 95 → f = 1
  T4: { value: 100, target: 100 }, // year: e = 12/12 = 1, ref = 100 → f = 1
  D1: { value: 0 }, // no faults
  D2: { value: 0 },
  D3: { value: 100 }, // the group's best → d = 100
  S1: { value: 100 },
  S2: { value: 100 },
  S3: { value: 100 },
  S4: { value: 100 },
};
const full = (over: Cells = {}): Cells => ({ ...FULL, ...over });

describe('W8 classified evaluation: groups A / B1 / C1, quota of 优秀 per group', () => {
  const units: UnitInput[] = [...unitsOf('A', 4), ...unitsOf('B1', 2), ...unitsOf('C1', 2)];
  const over: Record<string, Cells> = {
    'A-2': { S4: { value: 95 } }, // 0.95 × 10 = 9.5 → 99.5
    'A-3': { S4: { value: 90 } }, // 9 → 99
    'A-4': { D3: { value: 90 } }, // group A min 90, max 100 → d = 60 → 6 → 96
    'B1-2': { D3: { value: 80 } }, // d = 60 → 6 → 96
    'C1-2': { T1: { value: 80, target: 100 }, D3: { value: 80 } }, // 0.8 × 25 = 20; D3 6 → 91
  };
  const r = evaluate(
    tpl.plan,
    input(Y, units, (u) => full(over[u.code])),
  );

  it('scores, ranks and grades within each leaf group', () => {
    expect(totals(r, ['A-1', 'A-2', 'A-3', 'A-4'])).toEqual([100, 99.5, 99, 96]);
    expect(totals(r, ['B1-1', 'B1-2', 'C1-1', 'C1-2'])).toEqual([100, 96, 100, 91]);
    // Ranks restart in every group.
    expect(units.map((u) => r.unit(u.code)!.rank)).toEqual([1, 2, 3, 4, 1, 2, 1, 2]);
    // A: floor(0.3 × 4) = 1 place of 优秀; the others ≥ 80 are 良好.
    expect(grades(r, ['A-1', 'A-2', 'A-3', 'A-4'])).toEqual(['优秀', '良好', '良好', '良好']);
    // B1, C1: floor(0.3 × 2) = 0 places, so even 100 points is 良好.
    expect(grades(r, ['B1-1', 'B1-2', 'C1-1', 'C1-2'])).toEqual(['良好', '良好', '良好', '良好']);
  });

  it('points differ by category: T1 is worth 20 in A, 25 in C; K1 9 in A, 6 in C', () => {
    const full = (unit: string, code: string) => r.unit(unit)!.indicators.find((i) => i.code === code)!.full;
    expect([full('A-1', 'T1'), full('C1-1', 'T1')]).toEqual([20, 25]);
    expect([full('A-1', 'T2.K1'), full('C1-1', 'T2.K1')]).toEqual([9, 6]);
    expect(score(r, 'C1-2', 'T1')).toBe(20);
  });
});

describe('W9 target 50 : daily 25 : social 25, bonus up to 8 over 100, deductions', () => {
  const units = unitsOf('A', 2);
  const a1: Cells = {
    T1: { value: 95, target: 100 }, // 0.95 × 20 = 19
    'T2.K1': { value: 3, target: 3 }, // 9
    'T2.K2': { value: 3, target: 4 }, // 0.75 × 6 = 4.5
    T3: { value: 88 }, // 0.85 + (88 − 80)/(95 − 80) × 0.15 = 0.93 → 9.3
    T4: { value: 100, target: 100 }, // 5            target = 19 + 9 + 4.5 + 9.3 + 5 = 46.8
    D1: { value: 2 }, // 10 − 2 × 1 = 8
    D2: { value: 1 }, // 5 − 1 × 2.5 = 2.5
    D3: { value: 98 }, // group max (A-2 has 90) → 10   daily = 8 + 2.5 + 10 = 20.5
    S1: { value: 90 }, // 4.5
    S2: { value: 80 }, // 4
    S3: { value: 100 }, // 5
    S4: { value: 85 }, // 8.5                        social = 4.5 + 4 + 5 + 8.5 = 22
  };
  const r = evaluate(
    tpl.plan,
    input(Y, units, (u) => (u.code === 'A-1' ? a1 : full({ D3: { value: 90 } })), {
      bonuses: [
        { unit: 'A-1', source: 'ranking', points: 3 },
        { unit: 'A-1', source: 'innovation', points: 4 },
        { unit: 'A-1', source: 'effect', points: 2 },
        { unit: 'A-2', source: 'innovation', points: 2 },
      ],
      deductions: [{ unit: 'A-1', points: 1.5, reason: '督查通报' }],
    }),
  );

  it('the three components carry 50, 25 and 25 points', () => {
    expect(r.unit('A-1')!.components.map((c) => [c.code, c.full])).toEqual([
      ['target', 50],
      ['daily', 25],
      ['social', 25],
    ]);
    expect(r.unit('A-1')!.components.map((c) => c.score)).toEqual([46.8, 20.5, 22]);
    expect(r.unit('A-1')!.base).toBe(89.3); // 46.8 + 20.5 + 22
  });

  it('bonuses add up to at most 8 over the base; deductions come off', () => {
    const u = r.unit('A-1')!;
    expect(u.bonus).toMatchObject({ raw: 9, capped: 8 }); // 3 + 4 + 2 = 9 → cap 8
    expect(u.deductions.total).toBe(1.5);
    expect(u.total).toBe(95.8); // 89.3 + 8 − 1.5
    // full marks except D3 90 (group min → d = 60 → 6): 96, + 2 bonus = 98.
    expect(r.unit('A-2')!.total).toBe(98);
  });
});

describe('W11 social evaluation: rater groups, each with its own weight', () => {
  // S1 四套班子 5, S2 两代表一委员 5, S3 普通干部 5, S4 服务对象和基层群众 10 points.
  const r = evaluate(
    tpl.plan,
    input(Y, unitsOf('A', 2), (u) =>
      u.code === 'A-1'
        ? full({ S1: { value: 80 }, S2: { value: 80 }, S3: { value: 80 }, S4: { value: 80 } })
        : full({ S4: { value: 60 }, D3: { value: 90 } }),
    ),
  );
  it('the same satisfaction weighs twice as much from service objects (S4) as from leaders (S1)', () => {
    // 0.8 × (5 + 5 + 5 + 10) = 4 + 4 + 4 + 8 = 20
    expect(['S1', 'S2', 'S3', 'S4'].map((c) => score(r, 'A-1', c))).toEqual([4, 4, 4, 8]);
    expect(score(r, 'A-1', 'social')).toBe(20);
    // 5 + 5 + 5 + 0.6 × 10 = 21
    expect(score(r, 'A-2', 'social')).toBe(21);
  });
});

describe('W12 veto: grade lowered one level and placed last in it (and no advanced title)', () => {
  const units = unitsOf('A', 4);
  const over: Record<string, Cells> = {
    'A-2': { S4: { value: 95 } }, // 99.5
    'A-3': { S4: { value: 90 } }, // 99
    'A-4': { D3: { value: 90 } }, // 96
  };
  const r = evaluate(
    tpl.plan,
    input(Y, units, (u) => full(over[u.code]), {
      vetoes: [{ unit: 'A-1', event: 'safety_accident', reason: '较大安全生产事故' }],
    }),
  );
  const codes = units.map((u) => u.code);

  it('A-1 (100, best) would be 优秀, gets 良好 and its 优秀 place goes to A-2', () => {
    expect(totals(r, codes)).toEqual([100, 99.5, 99, 96]);
    // Quota floor(0.3 × 4) = 1: A-1 earns it by score, the veto lowers it; freedQuota next_unit → A-2.
    expect(grades(r, codes)).toEqual(['良好', '优秀', '良好', '良好']);
    expect(r.unit('A-1')!.grade).toMatchObject({ code: 'good', natural: 'excellent', downgraded: true });
  });

  it('ranks stay by total; the published placement puts A-1 last within 良好', () => {
    expect(codes.map((c) => r.unit(c)!.rank)).toEqual([1, 2, 3, 4]);
    // 优秀: A-2 (1); 良好: A-3 (2), A-4 (3), then the vetoed A-1 (4).
    expect(codes.map((c) => r.unit(c)!.placement)).toEqual([4, 1, 2, 3]);
  });

  it('no advanced title: A-1 is left out of 二十佳 (an advanced award)', () => {
    expect(r.awards.find((a) => a.code === 'top20')!.units.sort()).toEqual(['A-2', 'A-3', 'A-4']);
    expect(r.unit('A-1')!.eligibleForAdvanced).toBe(false);
  });
});

describe('W13 二十佳 among groups A + B, ten 服务地方发展优胜单位 in group C', () => {
  // Every unit full marks except T1 = 100 − i of 100 (i = its index in its group) and, for the
  // group's last unit, D3 = 50 (the group's minimum → d = 60 → 6 of 10, i.e. −4).
  // A, B1 (T1 20 points): total = 100 − 0.2 i; C1 (T1 25 points): total = 100 − 0.25 i.
  const a = unitsOf('A', 12);
  const b = unitsOf('B1', 10);
  const c = unitsOf('C1', 12);
  const sizes: Record<string, number> = { A: 12, B1: 10, C1: 12 };
  const r = evaluate(
    tpl.plan,
    input(Y, [...a, ...b, ...c], (u) => {
      const i = Number(u.code.split('-')[1]) - 1;
      const last = i === sizes[u.group]! - 1;
      return full({ T1: { value: 100 - i, target: 100 }, D3: { value: last ? 50 : 100 } });
    }),
  );

  it('hand totals', () => {
    // 100 − 0.2 × 11 − 4 = 93.8; B1-10: 100 − 0.2 × 9 − 4 = 94.2; C1-12: 100 − 0.25 × 11 − 4 = 93.25
    expect(totals(r, ['A-1', 'A-11', 'A-12', 'B1-9', 'B1-10'])).toEqual([100, 98, 93.8, 98.4, 94.2]);
    expect(totals(r, ['C1-1', 'C1-10', 'C1-11', 'C1-12'])).toEqual([100, 97.75, 97.5, 93.25]);
  });

  it('the 二十佳 ranking spans A and B (22 units), none of C; the service ranking only C', () => {
    const top20 = r.rankings.find((x) => x.code === 'top20')!;
    expect(top20.entries).toHaveLength(22);
    expect(top20.entries.every((e) => !e.unit.startsWith('C'))).toBe(true);
    // A-1 and B1-1 tie at 100 → both 1; the pairs 100 − 0.2 k (k = 0…8) fill ranks 1…18,
    // A-10 98.2 is 19th, A-11 98.0 20th, B1-10 94.2 21st, A-12 93.8 22nd.
    expect(['A-1', 'B1-1', 'A-11', 'B1-10', 'A-12'].map((u) => r.unit(u)!.ranks.top20)).toEqual([
      1, 1, 20, 21, 22,
    ]);
    const service = r.rankings.find((x) => x.code === 'service')!;
    expect(service.entries.map((e) => e.unit).sort()).toEqual(c.map((u) => u.code).sort());
  });

  it('awards: the top 20 of A + B and the top 10 of C', () => {
    const top20 = r.awards.find((x) => x.code === 'top20')!.units;
    expect(top20).toHaveLength(20);
    expect(top20).not.toContain('A-12');
    expect(top20).not.toContain('B1-10');
    const service10 = r.awards.find((x) => x.code === 'service10')!.units;
    // C1-1 … C1-10 (100 … 97.75); C1-11 (97.5) and C1-12 are out.
    expect(service10.sort()).toEqual(
      c
        .slice(0, 10)
        .map((u) => u.code)
        .sort(),
    );
  });
});

describe('S8 key works (重点工作) carry a higher weight', () => {
  it('T2 is marked key; its two key works K1 9 and K2 6 outweigh the common T4 (5)', () => {
    const t2 = tpl.plan.indicators.find((i) => i.code === 'T2')!;
    expect(t2.key).toBe(true);
    expect(t2.subItems!.map((s) => s.name)).toEqual(['重点工作一', '重点工作二']);
    const r = evaluate(
      tpl.plan,
      input(
        Y,
        unitsOf('A', 3),
        (u) =>
          u.code === 'A-1'
            ? full({ 'T2.K1': { value: 0, target: 100 } }) // loses all of K1: 100 − 9 = 91
            : u.code === 'A-2'
              ? full({ T4: { value: 0, target: 100 } }) // loses all of T4: 100 − 5 = 95
              : full({ D3: { value: 50 } }), // the group's D3 minimum: 100 − 4 = 96
      ),
    );
    expect(score(r, 'A-1', 'T2')).toBe(6); // 0 + 6
    expect(totals(r, ['A-1', 'A-2', 'A-3'])).toEqual([91, 95, 96]);
  });
});

describe('H5 at most 20 sub-items per indicator', () => {
  it('the shipped plan validates; its sub-items are scored one by one and summed', () => {
    expect(validatePlan(tpl.plan)).toEqual([]);
    const r = evaluate(
      tpl.plan,
      input(Y, unitsOf('A', 2), (u) =>
        u.code === 'A-1' ? full({ 'T2.K2': { value: 1, target: 2 } }) : full({ D3: { value: 50 } }),
      ),
    );
    expect(score(r, 'A-1', 'T2.K1')).toBe(9);
    expect(score(r, 'A-1', 'T2.K2')).toBe(3); // 1/2 × 6
    expect(score(r, 'A-1', 'T2')).toBe(12); // 9 + 3
  });

  const withSubItems = (n: number) => {
    const plan = planCopy('wuxi-departments-2016');
    const t2 = plan.indicators.find((i) => i.code === 'T2')!;
    // 15 points (C: 10) spread evenly: 20 × 0.75 = 15 and 20 × 0.5 = 10.
    t2.subItems = Array.from({ length: n }, (_, i) => ({
      code: `K${i + 1}`,
      name: `重点工作${i + 1}`,
      points: 0.75,
      pointsBy: { C: 0.5 },
    }));
    return plan;
  };
  it('20 sub-items are allowed', () => {
    expect(validatePlan(withSubItems(20))).toEqual([]);
  });
  it('21 sub-items are refused, naming the indicator and H5', () => {
    expect(validatePlan(withSubItems(21))).toContainEqual(
      expect.objectContaining({ code: 'sub_item_limit', params: { indicator: 'T2', count: 21, limit: 20 } }),
    );
  });
});
