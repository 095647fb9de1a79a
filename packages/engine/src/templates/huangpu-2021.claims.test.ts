/**
 * The rules template 'huangpu-2021' claims, each exercised through the template's plan with a
 * small hand-made input; the arithmetic is in the comments.
 *
 * Plan in brief (points mode, 2 decimals half-up): six dimensions — economy 20 (J1 8, J2 6, J3 6
 * special), tech 20 (K1 10, K2 10 bands [[0, .5], [20, .8], [50, 1]] interpolated), business
 * environment 15 (Y1 special, expert panel), urban renewal 20 (U1 special, five dimension sub-items
 * of 4: a, c, d, e baseline completion, b pro-rata by day), rural 10 (V1 completion, no extra),
 * ecology 15 (E1 8 completion lower is better, E2 7 deduction 1 per item). Baseline completion
 * (J*, K1, U1): r = x / baseline; r ≥ 1 → f = 1 + min(0.2, 0.5 (r − 1)); r < 1 → f = r.
 * Bonus: shared cap 5; innovation (expert-judged projects) own cap 3; honor.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { validatePlan } from '../plan/validate';
import { type Cells, input, planCopy, score, template, totals, unitsOf } from './claims-test-helpers';

const tpl = template('huangpu-2021');
const Y = '2021-Y';

const base = { value: 100, baseline: 100 }; // r = 1 → f = 1
const FULL: Cells = {
  J1: base,
  J2: base,
  J3: base,
  K1: base,
  K2: { value: 50 }, // last breakpoint → 1
  Y1: { scores: [100, 100, 100] },
  'U1.a': base,
  'U1.b': { value: 100, target: 100 }, // pro-rata, year: e = 365/365 → ref = 100
  'U1.c': base,
  'U1.d': base,
  'U1.e': base,
  V1: { value: 100, target: 100 },
  E1: { value: 30, target: 30 }, // lower: 30 / 30 = 1
  E2: { value: 0 },
};
const full = (over: Cells = {}): Cells => ({ ...FULL, ...over });
const one = (over: Cells, events = {}) =>
  evaluate(
    tpl.plan,
    input(Y, unitsOf('econ', 1, 'U'), () => full(over), events),
  );

describe('H1 six dimensions', () => {
  it('经济建设 20, 科技创新 20, 营商环境 15, 城市更新 20, 乡村振兴 10, 生态文明建设 15', () => {
    expect(tpl.plan.components.map((c) => `${c.name} ${c.points}`).join(', ')).toBe(
      '经济建设 20, 科技创新 20, 营商环境 15, 城市更新 20, 乡村振兴 10, 生态文明建设 15',
    );
  });
  it('a unit scored on all six, hand-computed', () => {
    const r = one({
      J1: { value: 110, baseline: 100 }, // 1 + min(0.2, 0.5 × 0.1) = 1.05 × 8 = 8.4
      K2: { value: 35 }, // 0.8 + (35 − 20) / (50 − 20) × 0.2 = 0.9 → 9
      Y1: { scores: [90, 85, 70, 80] }, // drop 90 and 70: (85 + 80) / 2 = 82.5 → 0.825 × 15 = 12.375 → 12.38
      V1: { value: 80, target: 100 }, // 0.8 × 10 = 8
      E1: { value: 40, target: 30 }, // lower: 30 / 40 = 0.75 × 8 = 6
      E2: { value: 3 }, // 7 − 3 × 1 = 4
    });
    // economy 8.4 + 6 + 6 = 20.4; tech 10 + 9 = 19; env 12.38; renewal 20; rural 8; ecology 6 + 4 = 10
    expect(r.unit('U-1')!.components.map((c) => c.score)).toEqual([20.4, 19, 12.38, 20, 8, 10]);
    expect(r.unit('U-1')!.total).toBe(89.78); // 20.4 + 19 + 12.38 + 20 + 8 + 10
  });
});

describe('H2 one indicator assessed on several dimensions (城市更新)', () => {
  it('U1 has five dimension sub-items, scored one by one and summed', () => {
    const u1 = tpl.plan.indicators.find((i) => i.code === 'U1')!;
    expect(u1.subItems!.map((s) => s.dimension)).toEqual([
      '微改造',
      '旧村拆迁进度',
      '首开先建',
      '产业和公配导入',
      '固定投资和商品房销售',
    ]);
    const r = one({
      'U1.a': { value: 120, baseline: 100 }, // 1 + min(0.2, 0.5 × 0.2) = 1.1 × 4 = 4.4
      'U1.b': { value: 80, target: 100 }, // its own method, pro-rata by day: 80 / (100 × 1) = 0.8 × 4 = 3.2
      'U1.d': { value: 90, baseline: 100 }, // 0.9 × 4 = 3.6
    });
    expect(['a', 'b', 'c', 'd', 'e'].map((s) => score(r, 'U-1', `U1.${s}`))).toEqual([4.4, 3.2, 4, 3.6, 4]);
    expect(score(r, 'U-1', 'U1')).toBe(19.2); // 4.4 + 3.2 + 4 + 3.6 + 4
  });
});

describe('H3 baseline: reaching it earns the base score, exceeding it earns capped extra', () => {
  it('hand-computed', () => {
    const r = one({
      J1: { value: 110, baseline: 100 }, // 1.05 × 8 = 8.4
      J2: { value: 200, baseline: 100 }, // 1 + min(0.2, 0.5 × 1) = 1.2 × 6 = 7.2 (cap)
      J3: { value: 100, baseline: 100 }, // exactly the baseline: 6
      K1: { value: 90, baseline: 100 }, // below: 0.9 × 10 = 9
    });
    expect(['J1', 'J2', 'J3', 'K1'].map((c) => score(r, 'U-1', c))).toEqual([8.4, 7.2, 6, 9]);
    expect(score(r, 'U-1', 'economy')).toBe(21.6); // 8.4 + 7.2 + 6: above its 20 points
    expect(r.unit('U-1')!.total).toBe(100.6); // 21.6 + 9 + 10 + 15 + 20 + 10 + 15
  });
});

describe('H4 special indicators (专项) change year to year', () => {
  it('J3, Y1 and U1 are tagged special', () => {
    expect(tpl.plan.indicators.filter((i) => i.tags?.includes('special')).map((i) => i.code)).toEqual([
      'J3',
      'Y1',
      'U1',
    ]);
  });
  it('next year drops 招商引资 (J3) and gives its 6 points to J1: the adjusted plan validates and scores', () => {
    const next = planCopy('huangpu-2021');
    next.year = 2022;
    next.indicators = next.indicators.filter((i) => i.code !== 'J3');
    next.indicators.find((i) => i.code === 'J1')!.points = 14;
    expect(validatePlan(next)).toEqual([]);
    const { J3: _dropped, ...rest } = FULL;
    const over: Cells = { ...rest, J1: { value: 110, baseline: 100 } }; // 1.05 × 14 = 14.7
    const r = evaluate(
      next,
      input('2022-Y', unitsOf('econ', 1, 'U'), () => over),
    );
    expect(score(r, 'U-1', 'economy')).toBe(20.7); // 14.7 + 6
  });
  it('dropping it without moving its points is refused', () => {
    const next = planCopy('huangpu-2021');
    next.indicators = next.indicators.filter((i) => i.code !== 'J3');
    expect(validatePlan(next).map((i) => i.params)).toContainEqual(
      expect.objectContaining({ sum: 14, expected: 20 }),
    );
  });
});

describe('H5 at most 20 sub-items per indicator', () => {
  const withSubItems = (n: number) => {
    const plan = planCopy('huangpu-2021');
    plan.indicators.find((i) => i.code === 'U1')!.subItems = Array.from({ length: n }, (_, i) => ({
      code: `s${i + 1}`,
      name: `子项${i + 1}`,
      points: 1, // 20 × 1 = U1's 20 points
    }));
    return plan;
  };
  it('the shipped plan (5 sub-items) and one with 20 validate', () => {
    expect(validatePlan(tpl.plan)).toEqual([]);
    expect(validatePlan(withSubItems(20))).toEqual([]);
  });
  it('21 are refused, naming the indicator and H5', () => {
    expect(validatePlan(withSubItems(21))).toContainEqual(
      expect.objectContaining({ code: 'sub_item_limit', params: { indicator: 'U1', count: 21, limit: 20 } }),
    );
  });
});

describe('H10 innovation projects judged by experts become bonus points', () => {
  // The expert review itself happens outside the engine; its result enters as bonus points of the
  // 'innovation' source (own cap 3), which shares the plan's cap of 5 with 'honor'.
  it('innovation 4 → its cap 3; with honor 3: 3 + 3 = 6 → shared cap 5', () => {
    const r = evaluate(
      tpl.plan,
      input(Y, unitsOf('econ', 3, 'U'), () => full(), {
        bonuses: [
          { unit: 'U-1', source: 'innovation', points: 4, reason: '改革创新十优项目' },
          { unit: 'U-2', source: 'innovation', points: 4, reason: '改革创新十优项目' },
          { unit: 'U-2', source: 'honor', points: 3, reason: '上级表彰' },
          { unit: 'U-3', source: 'innovation', points: 2.5, reason: '改革创新项目' },
        ],
      }),
    );
    expect(r.unit('U-1')!.bonus.capped).toBe(3);
    expect(r.unit('U-2')!.bonus.capped).toBe(5);
    expect(r.unit('U-3')!.bonus.capped).toBe(2.5);
    expect(totals(r, ['U-1', 'U-2', 'U-3'])).toEqual([103, 105, 102.5]);
  });
});
