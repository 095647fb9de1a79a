/**
 * The rules template 'shenzhen-2010' claims, each exercised through the template's plan with a
 * small hand-made input; the arithmetic is in the comments.
 *
 * Plan in brief (weighted mode, 2 decimals half-up at indicator and total): e-system 65
 * (A1 45: A1a completion; A2 20: A2a efficacy with fixed limits worst 80, best 100;
 * A3 25: A3a deduction 5 per item; A4 10: A4a completion, lower is better), city leaders 5
 * (L1 manual on 0–100), public satisfaction survey 25 (S1), online e-poll 5 (P1);
 * grades 优 ≥ 85 (at most floor(25 %) of the group), 良 ≥ 75, 中 ≥ 60, 差.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { validatePlan } from '../plan/validate';
import { type Cells, grades, input, planCopy, score, template, totals, unitsOf } from './claims-test-helpers';

const tpl = template('shenzhen-2010');
const Y = '2010-Y';

const FULL: Cells = {
  A1a: { value: 100, target: 100 }, // 100
  A2a: { value: 100 }, // d = 60 + 40 × (100 − 80) / 20 = 100
  A3a: { value: 0 }, // 100
  A4a: { value: 50, target: 50 }, // lower: 50 / 50 → 100
  L1: { value: 100 },
  S1: { value: 100 },
  P1: { value: 100 },
};
const full = (over: Cells = {}): Cells => ({ ...FULL, ...over });

describe('Z12 e-system 65 % + leaders 5 % + survey 25 % + e-poll 5 % (objective 65 / subjective 35)', () => {
  const r = evaluate(
    tpl.plan,
    input(Y, unitsOf('dept', 2, 'U'), (u) =>
      u.code === 'U-1'
        ? // total = 0.65 × 100 + 0.05 × 80 + 0.25 × 90 + 0.05 × 70 = 65 + 4 + 22.5 + 3.5 = 95
          full({ L1: { value: 80 }, S1: { value: 90 }, P1: { value: 70 } })
        : full({
            A1a: { value: 95, target: 100 }, // 95
            A2a: { value: 90 }, // 60 + 40 × 10 / 20 = 80
            A3a: { value: 2 }, // 100 − 2 × 5 = 90
            A4a: { value: 60, target: 48 }, // 48 / 60 = 0.8 → 80
            // e-system = (45 × 95 + 20 × 80 + 25 × 90 + 10 × 80) / 100 = 8925 / 100 = 89.25
            // total = 0.65 × 89.25 + 0.35 × 100 = 58.0125 + 35 = 93.0125 → 93.01
          }),
    ),
  );
  it('the four parts carry 65, 5, 25 and 5', () => {
    expect(tpl.plan.components.map((c) => `${c.name} ${c.weight}`).join(', ')).toBe(
      '电子系统评估 65, 市政府领导评价 5, 社会公众满意度调查 25, 电子民调 5',
    );
    expect(r.unit('U-1')!.components.map((c) => c.score)).toEqual([100, 80, 90, 70]);
  });
  it('hand-computed totals', () => {
    expect(score(r, 'U-2', 'A2a')).toBe(80);
    expect(score(r, 'U-2', 'esystem')).toBe(89.25);
    expect(totals(r, ['U-1', 'U-2'])).toEqual([95, 93.01]);
  });
  it('the subjective parts must keep at least 30 % (Z2 floor): 35 passes, 25 is refused', () => {
    expect(validatePlan(tpl.plan)).toEqual([]);
    const plan = planCopy('shenzhen-2010');
    plan.components.find((c) => c.code === 'esystem')!.weight = 75;
    plan.components.find((c) => c.code === 'survey')!.weight = 15;
    expect(validatePlan(plan).map((i) => [i.code, i.params])).toEqual([
      [
        'constraint_min_share',
        { label: '外部及主观评价不低于30%（Z2）', share: 25, group: 'dept', limit: 30 },
      ],
    ]);
  });
});

describe('Z11 the online e-poll is a part of its own (5 %), apart from the survey (25 %)', () => {
  // The poll itself (one month, anonymous or named) is collected outside the engine; its result
  // enters as P1's value. Same unit, only one of the two changed from 100 to 0:
  const r = evaluate(
    tpl.plan,
    input(Y, unitsOf('dept', 3, 'U'), (u) =>
      u.code === 'U-2' ? full({ P1: { value: 0 } }) : u.code === 'U-3' ? full({ S1: { value: 0 } }) : full(),
    ),
  );
  it('a poll of 0 costs 5 points, a survey of 0 costs 25', () => {
    expect(totals(r, ['U-1', 'U-2', 'U-3'])).toEqual([100, 95, 75]);
    expect(score(r, 'U-2', 'poll')).toBe(0);
    expect(score(r, 'U-2', 'survey')).toBe(100);
  });
});

describe('Z14 grades 优/良/中/差 with a quota on 优', () => {
  // Everything full except (weights 5 % leaders, 25 % survey, 5 % poll):
  //   U-1 100; U-2 S1 80 → 100 − 0.25 × 20 = 95; U-3 S1 20 → 80; U-4 S1 0 → 75;
  //   U-5 S1 0, P1 0 → 70; U-6 S1 0, P1 0, L1 0 and A3a 20 items (A3 = 0) →
  //   e-system (45 + 20 + 10) = 75 → 0.65 × 75 = 48.75.
  const over: Cells[] = [
    {},
    { S1: { value: 80 } },
    { S1: { value: 20 } },
    { S1: { value: 0 } },
    { S1: { value: 0 }, P1: { value: 0 } },
    { S1: { value: 0 }, P1: { value: 0 }, L1: { value: 0 }, A3a: { value: 20 } },
  ];
  const units = unitsOf('dept', 6, 'U');
  const r = evaluate(
    tpl.plan,
    input(Y, units, (_, i) => full(over[i])),
  );
  const codes = units.map((u) => u.code);
  it('hand totals and grades: floor(0.25 × 6) = 1 place of 优, so U-2 (95) is 良', () => {
    expect(totals(r, codes)).toEqual([100, 95, 80, 75, 70, 48.75]);
    // 75 is exactly 良's floor (≥ 75)
    expect(grades(r, codes)).toEqual(['优', '良', '良', '良', '中', '差']);
    expect(tpl.plan.grades.scheme).toBe('优/良/中/差');
  });
});
