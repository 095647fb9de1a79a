import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from './evaluate';
import type { EvaluationInput } from './input';
import type { Indicator, Plan } from './plan/types';
import { miniInput, pointsPlan, productsStep, settingsSteps } from './test-fixtures';

/**
 * The plan settings real schemes needed (issue 9 point 8), evaluated end to end with numbers
 * computed by hand. The arithmetic itself is tested alone in plan/objective-weights.test.ts,
 * weighted-products.test.ts, component-deductions.test.ts and grades.test.ts.
 */

const leaf = (code: string, name: string, component: string, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  component,
  owner: 'x',
  method: { kind: 'satisfaction' },
  ...extra,
});

/**
 * Wuxi districts (seed 002, W2): 对标考核 60 points over three indicators weighted from the data,
 * 社会评议 40. Values (satisfaction scale 100, f = x / 100):
 *   unit | E1 | E2  | E3  | S1
 *   U1   | 60 | 80  | 90  | 90
 *   U2   | 70 | 80  | 95  | 90
 *   U3   | 80 | 80  | 90  | 90
 *   U4   | 90 | 100 | 100 | 80
 * Standardised: E1 0, 1/3, 2/3, 1; E2 0, 0, 0, 1; E3 0, 1/2, 0, 1 — the matrix of
 * plan/objective-weights.test.ts, so entropy w = 0.1493012, 0.5520963, 0.2986024.
 */
function objectivePlan(method: 'entropy' | 'critic'): Plan {
  return {
    ...pointsPlan(),
    id: 'objective',
    components: [
      { code: 'B', name: '对标考核', points: 60, childWeights: { method } },
      { code: 'S', name: '社会评议', points: 40 },
    ],
    indicators: [
      leaf('E1', '地区生产总值增速', 'B'),
      leaf('E2', '一般公共预算收入增速', 'B'),
      leaf('E3', '居民人均可支配收入增速', 'B'),
      leaf('S1', '满意度', 'S', { points: 40 }),
    ],
  };
}
const objectiveInput = (): EvaluationInput => {
  const rows: [string, number, number, number, number][] = [
    ['U1', 60, 80, 90, 90],
    ['U2', 70, 80, 95, 90],
    ['U3', 80, 80, 90, 90],
    ['U4', 90, 100, 100, 80],
  ];
  return {
    period: '2016-Y',
    units: rows.map(([code]) => ({ code, group: 'A' })),
    values: rows.flatMap(([unit, e1, e2, e3, s1]) => [
      { unit, indicator: 'E1', value: e1 },
      { unit, indicator: 'E2', value: e2 },
      { unit, indicator: 'E3', value: e3 },
      { unit, indicator: 'S1', value: s1 },
    ]),
  };
};

describe('(a) objective child weights: entropy method', () => {
  const r = evaluate(objectivePlan('entropy'), objectiveInput());
  it('full points are w × 60: E1 8.958073, E2 33.125780, E3 17.916147', () => {
    const e = r.unit('U1')!.indicators;
    expect(e.find((i) => i.code === 'E1')!.full).toBeCloseTo(8.958073, 6);
    expect(e.find((i) => i.code === 'E2')!.full).toBeCloseTo(33.12578, 6);
    expect(e.find((i) => i.code === 'E3')!.full).toBeCloseTo(17.916147, 6);
  });
  it('U1: 0.6 × 8.958073 = 5.374844 → 5.37; 0.8 × 33.125780 = 26.500624 → 26.50; 0.9 × 17.916147 = 16.124532 → 16.12; B = 47.99; total 47.99 + 36 = 83.99', () => {
    expect(r.unit('U1')!.components[0]!.score).toBe(47.99);
    expect(r.unit('U1')!.total).toBe(83.99);
  });
  it('U4: 8.062266 → 8.06; 33.125780 → 33.13; 17.916147 → 17.92; B = 59.11; total 59.11 + 32 = 91.11', () => {
    expect(r.unit('U4')!.components[0]!.score).toBe(59.11);
    expect(r.unit('U4')!.total).toBe(91.11);
  });
  it('the trace of B shows the method and each child weight', () => {
    const b = r.trace('U1').components[0]!;
    expect(b.childWeights).toMatchObject({ method: 'entropy', units: 4, fallback: false });
    const w = b.childWeights!.children.map((c) => c.weight);
    expect(w[0]).toBeCloseTo(0.1493012, 6);
    expect(w[1]).toBeCloseTo(0.5520963, 6);
    expect(w[2]).toBeCloseTo(0.2986024, 6);
    expect(b.childWeights!.children[1]).toMatchObject({ code: 'E2', entropy: 0 });
    // as a step first, then the sum of the children's points
    expect(b.steps[0]).toMatchObject({
      code: 'weights.entropy',
      params: { units: 4, codes: ['E1', 'E2', 'E3'], entropy: [0.7295739585, 0, 0.459147917] },
    });
    expect(b.steps[1]!.code).toBe('aggregate.sum');
  });
  it('a changed value re-weights the group (setValue = a fresh evaluation)', () => {
    const ev = createEvaluator(objectivePlan('entropy'), objectiveInput());
    ev.setValue('U4', 'E2', 80); // E2 constant now: weight 0; E1 and E3 share the 60 points
    const input = objectiveInput();
    input.values.find((v) => v.unit === 'U4' && v.indicator === 'E2')!.value = 80;
    const fresh = evaluate(objectivePlan('entropy'), input);
    for (const u of ['U1', 'U2', 'U3', 'U4']) expect(ev.total(u)).toBe(fresh.unit(u)!.total);
  });
});

describe('(a) objective child weights: CRITIC', () => {
  // w = 0.3748900, 0.2805469, 0.3445631 (plan/objective-weights.test.ts) → full 22.493397, 16.832815, 20.673787
  // U4: 0.9 × 22.493397 = 20.244057 → 20.24; 16.832815 → 16.83; 20.673787 → 20.67; B = 57.74
  const r = evaluate(objectivePlan('critic'), objectiveInput());
  it('U4: B = 20.24 + 16.83 + 20.67 = 57.74', () => {
    expect(r.unit('U4')!.components[0]!.score).toBe(57.74);
  });
});

/**
 * Shenzhen departments (seed 003, Z9): 行政业绩 45 · 行政效率 20 · 行政执行力 25 · 行政成本 10, each
 * aspect here one indicator scored 0–100; the scheme rounds each weighted product and adds them.
 */
function shenzhenPlan(stages: ('indicator' | 'total' | 'product')[]): Plan {
  const aspects: [string, string, number][] = [
    ['P', '行政业绩', 45],
    ['E', '行政效率', 20],
    ['X', '行政执行力', 25],
    ['C', '行政成本', 10],
  ];
  return {
    ...pointsPlan(),
    id: 'shenzhen-products',
    scoring: 'weighted',
    rounding: { decimals: 2, mode: 'half_up', stages },
    components: aspects.map(([code, name, weight]) => ({ code, name, weight })),
    indicators: aspects.map(([code, name]) => ({
      code: `${code}1`,
      name,
      component: code,
      weight: 100,
      owner: 'x',
      method: { kind: 'manual', scale: 100 },
    })),
    rankings: [],
  };
}
describe('(b) rounding stage "product"', () => {
  const input: EvaluationInput = {
    period: '2008-Y',
    units: [{ code: 'D1', group: 'A' }],
    values: [
      { unit: 'D1', indicator: 'P1', value: 99.9 },
      { unit: 'D1', indicator: 'E1', value: 88.35 },
      { unit: 'D1', indicator: 'X1', value: 90.05 },
      { unit: 'D1', indicator: 'C1', value: 70.15 },
    ],
  };
  it('0.45 × 99.9 = 44.955 → 44.96; 17.67; 22.5125 → 22.51; 7.015 → 7.02; base = 92.16', () => {
    const r = evaluate(shenzhenPlan(['indicator', 'product', 'total']), input);
    expect(r.unit('D1')!.base).toBe(92.16);
    const t = r.trace('D1');
    const products = [
      { code: 'P', weight: 45, score: 99.9, product: 44.96 },
      { code: 'E', weight: 20, score: 88.35, product: 17.67 },
      { code: 'X', weight: 25, score: 90.05, product: 22.51 },
      { code: 'C', weight: 10, score: 70.15, product: 7.02 },
    ];
    expect(t.base.products).toEqual(products);
    expect(t.base.steps[0]).toEqual(productsStep(products, 92.16));
  });
  it('without the stage: 44.955 + 17.67 + 22.5125 + 7.015 = 92.1525 → 92.15', () => {
    expect(evaluate(shenzhenPlan(['indicator', 'total']), input).unit('D1')!.base).toBe(92.15);
  });
});

/** The mini input of evaluate.test.ts with deductions attributed to an indicator and a component. */
const attributed = () =>
  miniInput({
    deductions: [
      { unit: 'A3', points: 1.5, reason: '迟报' },
      { unit: 'A1', points: 3.5, reason: '督察通报', indicator: 'D1' },
      { unit: 'A2', points: 30, reason: '多次通报', component: 'D' },
    ],
  });

describe('(c) deductions off a component, not below its floor (Wuxi 日常督察 25, seed 002, W9)', () => {
  const plan = pointsPlan();
  plan.components[1]!.deductions = { from: 'component', floor: 0 };
  const r = evaluate(plan, attributed());
  it('A1: D = 23 − 3.5 = 19.5 (attributed through indicator D1); base 95 − 3.5 = 91.5; total 91.5 + 8 = 99.5', () => {
    const a1 = r.unit('A1')!;
    expect(a1.components[1]!.score).toBe(19.5);
    expect(a1.base).toBe(91.5);
    expect(a1.deductions.total).toBe(0);
    expect(a1.deductions.components).toEqual([{ component: 'D', points: 3.5, applied: 3.5 }]);
    expect(a1.total).toBe(99.5);
  });
  it('A2: D = 25 − 30 stops at 0 (25 applied); base 95.2 − 25 = 70.2 = total (off the total it would be 65.2)', () => {
    const a2 = r.unit('A2')!;
    expect(a2.components[1]!.score).toBe(0);
    expect(a2.deductions.components).toEqual([{ component: 'D', points: 30, applied: 25 }]);
    expect(a2.total).toBe(70.2);
  });
  it('A3: a deduction naming no component still comes off the total: 84.68 − 1.5 = 83.18', () => {
    expect(r.unit('A3')!.total).toBe(83.18);
    expect(r.unit('A3')!.deductions.total).toBe(1.5);
  });
  it('without the setting the same deductions come off the total (A2: 95.2 − 30 = 65.2)', () => {
    const off = evaluate(pointsPlan(), attributed());
    expect(off.unit('A2')!.total).toBe(65.2);
    expect(off.unit('A2')!.components[1]!.score).toBe(25);
  });
  it('the trace of D shows the step', () => {
    const d = r.trace('A2').components[1]!;
    expect(d.deductions).toEqual({ points: 30, floor: 0, applied: 25, before: 25, after: 0 });
    expect(d.steps.at(-1)).toEqual(settingsSteps.deductions);
  });
});

describe('(d) quota counts per group', () => {
  // Group A, 4 units, 优秀 maxShare 0.5 → 2 places. Totals (evaluate.test.ts): A1 103, A2 95.2,
  // A3 83.18, A4 100.5 → 优秀 needs ≥ 90: A1, A4 take the 2 places (A2 is 95.2 but the quota is full).
  it('优秀: 2 places, 2 used', () => {
    const input = attributed();
    input.deductions = [{ unit: 'A3', points: 1.5, reason: '迟报' }];
    const r = evaluate(pointsPlan(), input);
    expect(r.quotas).toEqual([
      { group: 'A', units: 4, levels: [{ level: 'excellent', name: '优秀', places: 2, used: 2 }] },
    ]);
  });
});
