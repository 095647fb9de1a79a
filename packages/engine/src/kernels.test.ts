import { afterEach, describe, expect, it } from 'vitest';
import { compilePlan } from './compile';
import { createEvaluator, engineOptions, evaluate } from './evaluate';
import type { EvaluationInput, ValueInput } from './input';
import { type Emit, emit } from './kernels';
import type { Indicator, MethodSpec, Plan, RoundingMode } from './plan/types';
import { roundDecimal, toUnits } from './rounding';
import { generatePlanData } from './templates/generate';
import { templates } from './templates/index';
import { mulberry32 } from './templates/prng';

/**
 * The kernel path of the full recompute (leaf-kernel.ts + kernels.ts) against the column path
 * (the method's column + emitList, kept behind engineOptions.kernels = false): bit-identical
 * scores, totals, ranks and grades on every shipped template and on a plan that mixes every
 * column method with awkward inputs (gaps, zero and negative targets, ties at the rounding
 * midpoint, groups without points for an indicator).
 */
afterEach(() => {
  engineOptions.kernels = true;
});

function snapshotOf(plan: Plan, input: EvaluationInput, kernels: boolean) {
  engineOptions.kernels = kernels;
  const r = evaluate(plan, input);
  engineOptions.kernels = true;
  return r.units.map((u) => ({
    unit: u.unit,
    scores: u.indicators.map((i) => i.score),
    base: u.base,
    total: u.total,
    rank: u.rank,
    placement: u.placement,
    grade: u.grade?.code,
  }));
}

function expectIdentical(plan: Plan, input: EvaluationInput): void {
  const a = snapshotOf(plan, input, true);
  const b = snapshotOf(plan, input, false);
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // Object.is: bit-identical, −0 and NaN included.
    x.scores.forEach((s, k) => {
      if (!Object.is(s, y.scores[k])) expect(`${x.unit} #${k}: ${s}`).toBe(`${x.unit} #${k}: ${y.scores[k]}`);
    });
    expect(Object.is(x.base, y.base) && Object.is(x.total, y.total), x.unit).toBe(true);
    expect([x.rank, x.placement, x.grade]).toEqual([y.rank, y.placement, y.grade]);
  }
}

const METHODS_MIX: { method: MethodSpec; direction?: 'lower'; missing?: 'zero' | 'reweight' }[] = [
  { method: { kind: 'completion', excessRate: 0.5, excessCap: 0.2 } },
  { method: { kind: 'completion', below: 'zero' }, direction: 'lower' },
  { method: { kind: 'completion', reference: 'baseline', excessRate: 1, excessCap: 0.1 }, missing: 'zero' },
  { method: { kind: 'pro_rata', basis: 'month', excessRate: 0.5, excessCap: 0.1 } },
  { method: { kind: 'pro_rata', basis: 'day' }, missing: 'zero' },
  { method: { kind: 'satisfaction' } },
  { method: { kind: 'manual', scale: 10 } },
  { method: { kind: 'manual' }, missing: 'zero' },
  { method: { kind: 'deduction', perItem: 0.25 }, direction: 'lower' },
  {
    method: {
      kind: 'bands',
      interpolate: true,
      breakpoints: [
        [0, 0.6],
        [50, 0.8],
        [100, 1],
      ],
    },
  },
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

function mixPlan(scoring: 'points' | 'weighted', mode: RoundingMode): Plan {
  const indicators: Indicator[] = METHODS_MIX.map((m, i) => ({
    code: `M${i}`,
    name: `指标${i}`,
    component: i < 7 ? 'T' : 'S',
    ...(scoring === 'points' ? { points: 50 / 7 } : { weight: [20, 15, 15, 15, 15, 10, 10][i % 7]! }),
    // Group B scores without the fourth indicator (points 0 for its category).
    ...(i === 3 && scoring === 'points' ? { pointsByCategory: { B: 0 } } : {}),
    owner: 'x',
    ...m,
  }));
  return {
    format: 'jixiao-plan/1',
    id: `mix-${scoring}-${mode}`,
    name: 'Every column method',
    period: { granularity: 'month' },
    scoring,
    categories: [
      { code: 'A', name: 'A' },
      { code: 'B', name: 'B' },
    ],
    groups: [
      { code: 'A', name: 'A', category: 'A' },
      { code: 'B', name: 'B', category: 'B' },
    ],
    components:
      scoring === 'points'
        ? [
            { code: 'T', name: 'T', points: 50 },
            { code: 'S', name: 'S', points: 50 },
          ]
        : [
            { code: 'T', name: 'T', weight: 60 },
            { code: 'S', name: 'S', weight: 40 },
          ],
    indicators,
    rounding: { decimals: 2, mode, stages: ['indicator', 'total'] },
    grades: {
      levels: [
        { code: 'a', name: '优', color: 'green', minScore: 85, maxShare: 0.3 },
        { code: 'b', name: '良', color: 'blue', minScore: 70 },
        { code: 'c', name: '中', color: 'red' },
      ],
    },
  };
}

function mixInput(plan: Plan, seed: number): EvaluationInput {
  const rnd = mulberry32(seed);
  const units = Array.from({ length: 300 }, (_, i) => ({ code: `U${i}`, group: i % 3 === 0 ? 'B' : 'A' }));
  const values: ValueInput[] = [];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (const u of units)
    for (const ind of plan.indicators) {
      if (rnd() < 0.05) continue; // a gap
      const v: ValueInput = { unit: u.code, indicator: ind.code };
      // Mostly ordinary decimals; some values landing on rounding midpoints, zeros and negatives.
      const x = pick([
        () => Math.round(rnd() * 12000) / 100,
        () => Math.round(rnd() * 120) + 0.005,
        () => 0,
        () => -Math.round(rnd() * 1000) / 10,
        () => Math.round(rnd() * 4),
        () => 2.675,
      ])();
      v.value = x;
      v.target = pick([() => Math.round(rnd() * 1000) / 10 + 1, () => 0, () => -5, () => 100, () => 80])();
      v.baseline = Math.round(rnd() * 1000) / 10;
      values.push(v);
    }
  return { period: '2026-M07', units, values };
}

describe('full-recompute kernels are bit-identical to the previous column path', () => {
  for (const tpl of templates)
    it(`${tpl.id}`, () => {
      expectIdentical(tpl.plan, tpl.data);
      for (const seed of [1, 2]) expectIdentical(tpl.plan, generatePlanData(tpl.plan, tpl.data.units, seed));
    });
  for (const scoring of ['points', 'weighted'] as const)
    for (const mode of ['half_up', 'half_even', 'down'] as const)
      it(`every column method, ${scoring}, ${mode}`, () => {
        const plan = mixPlan(scoring, mode);
        for (const seed of [11, 12, 13]) expectIdentical(plan, mixInput(plan, seed));
      });
  it('recompute after setMatrix agrees with the previous path too', () => {
    const plan = mixPlan('points', 'half_up');
    const cp = compilePlan(plan);
    const input = mixInput(plan, 5);
    const ev = createEvaluator(cp, input);
    const before = Float64Array.from(ev.totals());
    engineOptions.kernels = false;
    const ev2 = createEvaluator(cp, input);
    expect(Array.from(ev2.totals())).toEqual(Array.from(before));
  });
});

describe('emit (the rounding hot loop, in units of 0.01) against roundDecimal on random cells', () => {
  it('10,000 cells per mode, ties and noise included', () => {
    const rnd = mulberry32(2026);
    const n = 10000;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
      out[i] = [
        () => rnd() * 1.2,
        () => (Math.floor(rnd() * 2000) + 0.5) / 2000, // × 20 points → midpoints such as x.xx5
        () => Math.floor(rnd() * 100) / 100 + 0.1 + 0.2 - 0.3, // binary noise around a decimal
        () => (rnd() < 0.5 ? Number.NaN : 0),
      ][i % 4]!();
    const unitGroup = new Int32Array(n).map((_, i) => i % 2);
    const scaleOf = Float64Array.of(20, 7.5);
    for (const mode of ['half_up', 'half_even'] as const)
      for (const missingZero of [true, false])
        for (const weighted of [false, true]) {
          const scores = new Float64Array(n);
          const AS = new Float64Array(n);
          const AW = new Float64Array(n);
          const AM = new Uint8Array(n);
          const wOf = Float64Array.of(1, 0.5);
          const e: Emit = {
            unitGroup,
            scaleOf,
            wOf,
            wMul: weighted ? wOf : Float64Array.of(1, 1),
            scores,
            base: 0,
            missingZero,
            roundInd: true,
            m: 100,
            dec: 2,
            rmode: mode,
            fuse: true,
            AS,
            AW,
            AM,
            pb: 0,
          };
          emit(e, n, out);
          for (let i = 0; i < n; i++) {
            const f = Number.isNaN(out[i]!) ? (missingZero ? 0 : Number.NaN) : out[i]!;
            const scale = scaleOf[unitGroup[i]!]!;
            // Stored in units of 0.01: the reported score × 100, an exact integer.
            const want = Number.isNaN(f) ? Number.NaN : toUnits(roundDecimal(f * scale, 2, mode), 100);
            if (!Object.is(scores[i], want)) expect(`${i}: ${out[i]} → ${scores[i]}`).toBe(`${i}: → ${want}`);
            const w = wOf[unitGroup[i]!]!;
            if (Number.isNaN(want)) expect(AM[i]).toBe(1);
            else {
              expect(AS[i]).toBe(weighted ? w * want : want);
              expect(AW[i]).toBe(w);
            }
          }
        }
  });
});
