import { afterEach, describe, expect, it } from 'vitest';
import { compilePlan } from './compile';
import { createEvaluator, engineOptions, evaluate } from './evaluate';
import type { EvaluationInput } from './input';
import { type Emit, emit } from './kernels';
import { awkwardValues, COLUMN_MIX, mixIndicators, mixPlan, mixUnits, mixValues } from './method-mix';
import type { Plan, RoundingMode } from './plan/types';
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

function mixedPlan(scoring: 'points' | 'weighted', mode: RoundingMode): Plan {
  return mixPlan({
    id: `mix-${scoring}-${mode}`,
    name: 'Every column method',
    scoring,
    weights: [60, 40],
    indicators: mixIndicators(COLUMN_MIX, scoring, (i) =>
      scoring === 'points' ? { points: 50 / 7 } : { weight: [20, 15, 15, 15, 15, 10, 10][i % 7]! },
    ),
    rounding: { decimals: 2, mode, stages: ['indicator', 'total'] },
  });
}

function mixInput(plan: Plan, seed: number): EvaluationInput {
  const rnd = mulberry32(seed);
  const units = mixUnits(300);
  const values = mixValues(plan, units, rnd, {
    gap: 0.05,
    values: awkwardValues(rnd),
    targets: [() => Math.round(rnd() * 1000) / 10 + 1, () => 0, () => -5, () => 100, () => 80],
  });
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
        const plan = mixedPlan(scoring, mode);
        for (const seed of [11, 12, 13]) expectIdentical(plan, mixInput(plan, seed));
      });
  it('recompute after setMatrix agrees with the previous path too', () => {
    const plan = mixedPlan('points', 'half_up');
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
