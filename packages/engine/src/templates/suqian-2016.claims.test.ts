/**
 * The rules template 'suqian-2016' claims, each exercised through the template's plan with a
 * small hand-made input; the arithmetic is in the comments.
 *
 * Plan in brief (points mode, 2 decimals half-up): business 50 (W1 20 and W2 15 key works,
 * completion without extra; W3 15 pro-rata by month), single 40 (D01…D20, 2 points each, one
 * lead unit each, completion without extra), public 10 (M1 satisfaction); deductions capped at 10;
 * veto: excluded from all awards; grades 先进 ≥ 90 (at most round(30 %) of the group), 达标 ≥ 70,
 * 诫勉; award 年度绩效考评先进单位 = the top 2 of each group, advanced.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import type { UnitInput } from '../input';
import { type Cells, grades, input, score, template, totals, unitsOf } from './claims-test-helpers';

const tpl = template('suqian-2016');
const Y = '2016-Y';
const singles = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);

const met = { value: 100, target: 100 };
const FULL: Cells = {
  W1: met,
  W2: met,
  W3: met, // year: e = 12/12 → ref = 100
  ...Object.fromEntries(singles.map((d) => [d, met])),
  M1: { value: 100 },
};
const full = (over: Cells = {}): Cells => ({ ...FULL, ...over });

// Totals through M1 (10 points): 90 → 9, 80 → 8, … so total = 90 + M1 / 10.
const econ = unitsOf('econ', 4, 'E');
const law = unitsOf('law', 3, 'L');
const m1: Record<string, number> = {
  'E-1': 100,
  'E-2': 90,
  'E-3': 80,
  'E-4': 70,
  'L-1': 100,
  'L-2': 60,
  'L-3': 50,
};
const byM1 = (u: UnitInput): Cells => full({ M1: { value: m1[u.code]! } });

describe('S2 classified evaluation: ranks, quotas and awards per group', () => {
  const r = evaluate(tpl.plan, input(Y, [...econ, ...law], byM1));
  const e = econ.map((u) => u.code);
  const l = law.map((u) => u.code);
  it('totals and ranks within each group', () => {
    expect(totals(r, e)).toEqual([100, 99, 98, 97]);
    expect(totals(r, l)).toEqual([100, 96, 95]);
    expect([...e, ...l].map((c) => r.unit(c)!.rank)).toEqual([1, 2, 3, 4, 1, 2, 3]);
  });
  it('先进 quota per group: round(0.3 × 4) = 1, round(0.3 × 3) = round(0.9) = 1', () => {
    expect(grades(r, e)).toEqual(['先进', '达标', '达标', '达标']);
    expect(grades(r, l)).toEqual(['先进', '达标', '达标']);
  });
  it('the award goes to the top 2 of each group; the city-wide ranking spans the groups', () => {
    expect(r.awards[0]!.units.sort()).toEqual(['E-1', 'E-2', 'L-1', 'L-2']);
    // all: E-1, L-1 100 (1); E-2 99 (3); E-3 98 (4); E-4 97 (5); L-2 96 (6); L-3 95 (7)
    expect([...e, ...l].map((c) => r.unit(c)!.ranks.all)).toEqual([1, 3, 4, 5, 1, 6, 7]);
  });
});

describe('S3 "1+20": twenty single-item assessments, each run by its lead unit', () => {
  it('20 items of 2 points make the 40-point part; each has a lead unit that supplies its result', () => {
    const items = tpl.plan.indicators.filter((i) => i.component === 'single');
    expect(items.map((i) => i.code)).toEqual(singles);
    expect(items.reduce((a, i) => a + i.points!, 0)).toBe(40);
    for (const i of items) {
      expect(i.leadDept, i.code).toBeTruthy();
      expect(i.owner).toBe(i.leadDept);
    }
  });
  it('each item is scored on its own and reported per unit', () => {
    const r = evaluate(
      tpl.plan,
      input(Y, unitsOf('econ', 1, 'E'), () =>
        full({ D05: { value: 50, target: 100 }, D12: { value: 0, target: 100 } }),
      ),
    );
    expect(score(r, 'E-1', 'D05')).toBe(1); // 0.5 × 2
    expect(score(r, 'E-1', 'D12')).toBe(0);
    expect(score(r, 'E-1', 'single')).toBe(37); // 40 − 1 − 2
  });
});

describe('S6 reaching the target earns the full base score, exceeding it earns nothing more', () => {
  const r = evaluate(
    tpl.plan,
    input(
      Y,
      unitsOf('econ', 3, 'E'),
      (_, i) =>
        [
          full({ W1: { value: 130, target: 100 }, D01: { value: 300, target: 100 } }), // still 20 and 2
          full({ W1: { value: 90, target: 100 } }), // 0.9 × 20 = 18
          full(),
        ][i]!,
    ),
  );
  it('hand-computed', () => {
    expect(score(r, 'E-1', 'W1')).toBe(20);
    expect(score(r, 'E-1', 'D01')).toBe(2);
    expect(score(r, 'E-2', 'W1')).toBe(18);
    expect(totals(r, ['E-1', 'E-2', 'E-3'])).toEqual([100, 98, 100]);
  });
});

describe('S8 one or two key works carry a higher weight', () => {
  it('W1 (20) and W2 (15) are key; missing W1 costs ten times a single item', () => {
    const keys = tpl.plan.indicators.filter((i) => i.key).map((i) => [i.code, i.points]);
    expect(keys).toEqual([
      ['W1', 20],
      ['W2', 15],
    ]);
    const r = evaluate(
      tpl.plan,
      input(Y, unitsOf('econ', 2, 'E'), (_, i) =>
        i === 0 ? full({ W1: { value: 0, target: 100 } }) : full({ D01: { value: 0, target: 100 } }),
      ),
    );
    expect(totals(r, ['E-1', 'E-2'])).toEqual([80, 98]); // 100 − 20; 100 − 2
  });
});

describe('S9 pro-rata progress (序时进度): mid-year against the share of the year elapsed', () => {
  // W3 (15 points), target 100 for the year; ref = 100 × e, e = end month / 12.
  const at = (period: string, value: number) =>
    score(
      evaluate(
        tpl.plan,
        input(period, unitsOf('econ', 1, 'E'), () => full({ W3: { value, target: 100 } })),
      ),
      'E-1',
      'W3',
    );
  it('June: 45 against 100 × 6/12 = 50 → 0.9 × 15 = 13.5', () => {
    expect(at('2016-H1', 45)).toBe(13.5);
    expect(at('2016-M06', 45)).toBe(13.5);
  });
  it('September: 60 against 100 × 9/12 = 75 → 0.8 × 15 = 12', () => {
    expect(at('2016-M09', 60)).toBe(12);
  });
  it('year end: 45 against the full 100 → 0.45 × 15 = 6.75; ahead of schedule earns no extra', () => {
    expect(at('2016-Y', 45)).toBe(6.75);
    expect(at('2016-H1', 80)).toBe(15); // 80 / 50 = 1.6 → capped at 1 (no excessRate)
  });
});

describe('S15 a veto disqualifies from all awards', () => {
  const r = evaluate(
    tpl.plan,
    input(Y, econ, byM1, { vetoes: [{ unit: 'E-1', event: 'food_safety', reason: '食品安全事故' }] }),
  );
  it('E-1 (100) keeps its score and rank but neither the 先进 title nor the award', () => {
    expect(r.unit('E-1')!.total).toBe(100);
    expect(r.unit('E-1')!.rank).toBe(1);
    expect(r.unit('E-1')!.eligibleForAwards).toBe(false);
    // 先进 is an advanced level: its one place goes to E-2 (freedQuota next_unit).
    expect(grades(r, ['E-1', 'E-2', 'E-3', 'E-4'])).toEqual(['达标', '先进', '达标', '达标']);
    // The top-2 award skips E-1: E-2 (99) and E-3 (98).
    expect(r.awards[0]!.units.sort()).toEqual(['E-2', 'E-3']);
  });
});
