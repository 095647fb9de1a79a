import type { UnitInput, ValueInput } from './input';
import type { BonusSpec, Indicator, MethodSpec, Plan, RoundingSpec } from './plan/types';
import { interpolatedBands } from './test-fixtures';

/**
 * Test helper: a plan that mixes every column method (kernels.test, exact.test) and awkward
 * inputs for it — gaps, zero and negative targets, values on rounding midpoints.
 */
export interface MixEntry {
  method: MethodSpec;
  direction?: 'lower';
  missing?: 'zero' | 'reweight';
}

/** Every column method with the variants that take different branches of its cell rule. */
export const COLUMN_MIX: readonly MixEntry[] = [
  { method: { kind: 'completion', excessRate: 0.5, excessCap: 0.2 } },
  { method: { kind: 'completion', below: 'zero' }, direction: 'lower' },
  { method: { kind: 'completion', reference: 'baseline', excessRate: 1, excessCap: 0.1 }, missing: 'zero' },
  { method: { kind: 'pro_rata', basis: 'month', excessRate: 0.5, excessCap: 0.1 } },
  { method: { kind: 'pro_rata', basis: 'day' }, missing: 'zero' },
  { method: { kind: 'satisfaction' } },
  { method: { kind: 'manual', scale: 10 } },
  { method: { kind: 'manual' }, missing: 'zero' },
  { method: { kind: 'deduction', perItem: 0.25 }, direction: 'lower' },
  { method: interpolatedBands },
  {
    method: {
      kind: 'bands',
      interpolate: false,
      breakpoints: [
        [0, 0.5],
        [60, 0.8],
        [90, 1],
      ],
    },
  },
  { method: { kind: 'efficacy', limits: 'group' } },
  { method: { kind: 'efficacy', limits: 'group', scope: 'all' }, direction: 'lower' },
  { method: { kind: 'efficacy', limits: { worst: 20, best: 90 }, clamp: [0, 100] } },
];

/**
 * The mix as indicators M0, M1, …: the first seven under component T, the rest under S, each
 * sized by `size(i)`. In points mode M3 also names points 0 for category B.
 */
export function mixIndicators(
  mix: readonly MixEntry[],
  scoring: Plan['scoring'],
  size: (i: number) => Pick<Indicator, 'points' | 'weight'>,
): Indicator[] {
  return mix.map((m, i) => ({
    code: `M${i}`,
    name: `指标${i}`,
    component: i < 7 ? 'T' : 'S',
    ...size(i),
    ...(i === 3 && scoring === 'points' ? { pointsByCategory: { B: 0 } } : {}),
    owner: 'x',
    ...m,
  }));
}

/** Groups A and B (categories of their own), components T and S (50 points each, or `weights`). */
export function mixPlan(p: {
  id: string;
  name: string;
  scoring: Plan['scoring'];
  weights: [number, number];
  indicators: Indicator[];
  rounding: RoundingSpec;
  bonus?: BonusSpec;
}): Plan {
  const [wT, wS] = p.weights;
  return {
    format: 'jixiao-plan/1',
    id: p.id,
    name: p.name,
    period: { granularity: 'month' },
    scoring: p.scoring,
    categories: ['A', 'B'].map((code) => ({ code, name: code })),
    groups: ['A', 'B'].map((code) => ({ code, name: code, category: code })),
    components:
      p.scoring === 'points'
        ? [
            { code: 'T', name: 'T', points: 50 },
            { code: 'S', name: 'S', points: 50 },
          ]
        : [
            { code: 'T', name: 'T', weight: wT },
            { code: 'S', name: 'S', weight: wS },
          ],
    indicators: p.indicators,
    rounding: p.rounding,
    ...(p.bonus ? { bonus: p.bonus } : {}),
    grades: {
      levels: [
        { code: 'a', name: '优', color: 'green', minScore: 85, maxShare: 0.3 },
        { code: 'b', name: '良', color: 'blue', minScore: 70 },
        { code: 'c', name: '中', color: 'red' },
      ],
    },
  };
}

/** `n` units U0, U1, …, every third in group B, the others in A. */
export function mixUnits(n: number): UnitInput[] {
  return Array.from({ length: n }, (_, i) => ({ code: `U${i}`, group: i % 3 === 0 ? 'B' : 'A' }));
}

/** Mostly ordinary decimals; some values landing on rounding midpoints, zeros and negatives. */
export function awkwardValues(rnd: () => number): (() => number)[] {
  return [
    () => Math.round(rnd() * 12000) / 100,
    () => Math.round(rnd() * 120) + 0.005,
    () => 0,
    () => -Math.round(rnd() * 1000) / 10,
    () => Math.round(rnd() * 4),
    () => 2.675,
  ];
}

/**
 * Values of every unit for every indicator, drawn from `rnd`: a gap with probability `gap`, else
 * a value and a target picked from the lists, a baseline, and five scores for an expert panel.
 */
export function mixValues(
  plan: Plan,
  units: readonly UnitInput[],
  rnd: () => number,
  o: { gap: number; values: (() => number)[]; targets: (() => number)[] },
): ValueInput[] {
  const values: ValueInput[] = [];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (const u of units)
    for (const ind of plan.indicators) {
      if (rnd() < o.gap) continue;
      const v: ValueInput = { unit: u.code, indicator: ind.code };
      v.value = pick(o.values)();
      v.target = pick(o.targets)();
      v.baseline = Math.round(rnd() * 1000) / 10;
      if (ind.method?.kind === 'expert_panel')
        v.scores = Array.from({ length: 5 }, () => Math.round(rnd() * 10000) / 100);
      values.push(v);
    }
  return values;
}
