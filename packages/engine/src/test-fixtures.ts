/**
 * Test fixtures: small plans and inputs computed by hand in the tests, and steps as the engine
 * emits them. Other workspaces' tests import them as `@jixiao/engine/testing`.
 */
import type { EvaluationInput, ValueInput } from './input';
import type { GradeLevel, MethodSpec, Plan } from './plan/types';
import { type Step, step } from './steps';

/**
 * A plan for a test: what every plan repeats (format, name = id, a yearly period, points scoring,
 * one category and group A), then `parts`, which may replace any of it.
 */
export function planOf(
  parts: Partial<Plan> & Pick<Plan, 'id' | 'components' | 'indicators' | 'grades'>,
): Plan {
  return {
    format: 'jixiao-plan/1',
    name: parts.id,
    period: { granularity: 'year' },
    scoring: 'points',
    categories: [{ code: 'A', name: 'A' }],
    groups: [{ code: 'A', name: 'A', category: 'A' }],
    ...parts,
  };
}

/** 优秀 ≥ 90 (at most `maxShare` of a group), 良好 ≥ 80, 合格 ≥ 60, else 不合格. */
export function fourGrades(maxShare: number): GradeLevel[] {
  return [
    { code: 'excellent', name: '优秀', color: 'green', minScore: 90, maxShare },
    { code: 'good', name: '良好', color: 'blue', minScore: 80 },
    { code: 'pass', name: '合格', color: 'gold', minScore: 60 },
    { code: 'fail', name: '不合格', color: 'red' },
  ];
}

/** Bands interpolated through 0 → 0.6, 50 → 0.8 and 100 → 1. */
export const interpolatedBands: Extract<MethodSpec, { kind: 'bands' }> = {
  kind: 'bands',
  interpolate: true,
  breakpoints: [
    [0, 0.6],
    [50, 0.8],
    [100, 1],
  ],
};

/** The mini points plan: groups A, B (B1, B2), components T 50, D 25, S 25, four leaves. */
export function pointsPlan(overrides: Partial<Plan> = {}): Plan {
  return planOf({
    id: 'mini-points',
    name: 'Mini points plan',
    totalPoints: 100,
    categories: [
      { code: 'A', name: '党群口' },
      { code: 'B', name: '政府口' },
    ],
    groups: [
      { code: 'A', name: '党群口', category: 'A' },
      { code: 'B', name: '政府口', category: 'B' },
      { code: 'B1', name: '综合', category: 'B', parent: 'B' },
      { code: 'B2', name: '执法', category: 'B', parent: 'B' },
    ],
    components: [
      { code: 'T', name: '目标管理', points: 50 },
      { code: 'D', name: '日常督察', points: 25 },
      { code: 'S', name: '社会评议', points: 25 },
    ],
    indicators: [
      {
        code: 'T1',
        name: '主要目标',
        component: 'T',
        points: 30,
        owner: 'fgw',
        method: { kind: 'completion' },
      },
      {
        code: 'T2',
        name: '基准线目标',
        component: 'T',
        points: 20,
        owner: 'fgw',
        method: { kind: 'completion', excessRate: 0.5, excessCap: 0.1 },
      },
      {
        code: 'D1',
        name: '督察扣分',
        component: 'D',
        points: 25,
        owner: 'jw',
        direction: 'lower',
        method: { kind: 'deduction', perItem: 2 },
      },
      {
        code: 'S1',
        name: '满意度',
        component: 'S',
        points: 25,
        owner: 'gw',
        method: { kind: 'satisfaction' },
      },
    ],
    bonus: {
      cap: 8,
      sources: [
        { code: 'innovation', name: '创新创优' },
        { code: 'ranking', name: '进档升位' },
      ],
    },
    veto: { effects: ['downgrade_last', 'no_advanced_title'], freedQuota: 'next_unit' },
    grades: {
      scheme: '优秀/良好/合格/不合格',
      levels: fourGrades(0.5),
      quotaRounding: 'floor',
      tieAtQuotaEdge: 'exclude',
    },
    rankings: [{ code: 'top20', name: '二十佳', groups: ['A', 'B'] }],
    ...overrides,
  });
}

/**
 * The mini input's values per unit: [T1, T2, D1, S1]; T1 and T2 against the target 100, D1 the
 * count of faults (2 points each), S1 a satisfaction score.
 */
const MINI_VALUES: Record<string, [number, number, number, number]> = {
  // T1 95/100 × 30 = 28.5; T2 110/100 → 1 + min(0.1, 0.5 × 0.1) = 1.05 × 20 = 21;
  // D1 25 − 1 × 2 = 23; S1 90/100 × 25 = 22.5. Base 28.5 + 21 + 23 + 22.5 = 95.
  A1: [95, 110, 1, 90],
  // 30 + 90/100 × 20 = 18 + 25 + 88.8/100 × 25 = 22.2 → 95.2.
  A2: [100, 90, 0, 88.8],
  // 24 + 20 + 19 + 21.675 = 84.675 → 84.68.
  A3: [80, 100, 3, 86.7],
  // 99.99/100 × 30 = 29.997 → 30.00; 105/100 → 1.025 × 20 = 20.5; 25; 25 → 100.5.
  A4: [99.99, 105, 0, 100],
};

/**
 * The input of pointsPlan() computed by hand in the tests: four units of group A, base scores
 * A1 95, A2 95.2, A3 84.68, A4 100.5; A1 has 9 bonus points (capped at 8), A3 a 1.5 deduction.
 * `events` replaces any part (bonuses, deductions, vetoes, values…).
 */
export function miniInput(events: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    period: '2016-Y',
    units: Object.keys(MINI_VALUES).map((code) => ({ code, group: 'A' })),
    values: Object.entries(MINI_VALUES).flatMap(([unit, [t1, t2, d1, s1]]): ValueInput[] => [
      { unit, indicator: 'T1', value: t1, target: 100 },
      { unit, indicator: 'T2', value: t2, target: 100 },
      { unit, indicator: 'D1', value: d1 },
      { unit, indicator: 'S1', value: s1 },
    ]),
    bonuses: [
      { unit: 'A1', source: 'innovation', points: 5, reason: '改革创新' },
      { unit: 'A1', source: 'ranking', points: 4, reason: '进档升位' },
    ],
    deductions: [{ unit: 'A3', points: 1.5, reason: '迟报' }],
    ...events,
  };
}

/** The mini weighted plan: one group D, internal 70 (X: X1, X2; Y: Y1 efficacy) and external 30 (E1). */
export function weightedPlan(): Plan {
  return planOf({
    id: 'mini-weighted',
    name: 'Mini weighted plan',
    scoring: 'weighted',
    categories: [{ code: 'D', name: '部门' }],
    groups: [{ code: 'D', name: '部门', category: 'D' }],
    components: [
      { code: 'internal', name: '内部评估', weight: 70 },
      { code: 'external', name: '外部评估', weight: 30 },
    ],
    indicators: [
      { code: 'X', name: '行政业绩', component: 'internal', weight: 60 },
      { code: 'X1', name: '目标完成', parent: 'X', weight: 50, owner: 'a', method: { kind: 'completion' } },
      {
        code: 'X2',
        name: '领导评价',
        parent: 'X',
        weight: 50,
        owner: 'b',
        missing: 'reweight',
        method: { kind: 'manual' },
      },
      { code: 'Y', name: '行政效率', component: 'internal', weight: 40 },
      {
        code: 'Y1',
        name: '办件时效',
        parent: 'Y',
        weight: 100,
        owner: 'c',
        method: { kind: 'efficacy', limits: 'group' },
      },
      {
        code: 'E1',
        name: '公众满意度',
        component: 'external',
        weight: 100,
        owner: 'd',
        method: { kind: 'satisfaction' },
      },
    ],
    grades: {
      levels: [
        { code: 'you', name: '优', color: 'green', minScore: 90 },
        { code: 'liang', name: '良', color: 'blue', minScore: 80 },
        { code: 'zhong', name: '中', color: 'gold', minScore: 60 },
        { code: 'cha', name: '差', color: 'red' },
      ],
    },
  });
}

/**
 * The step of a sum of rounded weighted products (rounding stage "product") as the engine emits it:
 * each term's weight, score as computed and product rounded to 2 decimals; the sum `raw`.
 */
export function productsStep(terms: { weight: number; score: number; product: number }[], raw: number): Step {
  return step('aggregate.products', {
    terms: terms.map(({ weight, score }) => ({ weight, score: { value: score, decimals: null } })),
    weights: 100,
    products: terms.map(({ product }) => ({ value: product, decimals: 2 })),
    raw,
  });
}

/**
 * Steps of the plan settings of issue 9 point 8 with params as the engine emits them (weights from
 * the period's data, rounded weighted products, deductions off a component: plan-settings.test.ts),
 * for the tests that parse and render explanations.
 */
export const settingsSteps = {
  entropy: step('weights.entropy', {
    units: 4,
    codes: ['E1', 'E2', 'E3'],
    weights: [0.1493012243, 0.5520963272, 0.2986024486],
    entropy: [0.7295739585, 0, 0.459147917],
    divergence: [0.2704260415, 1, 0.540852083],
  }),
  products: productsStep(
    [
      { weight: 45, score: 99.9, product: 44.96 },
      { weight: 20, score: 88.35, product: 17.67 },
    ],
    62.63,
  ),
  deductions: step('component.deductions', { points: 30, floor: 0, applied: 25, before: 25, after: 0 }),
} satisfies Record<string, Step>;
