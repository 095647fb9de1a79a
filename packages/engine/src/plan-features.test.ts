import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { miniInput, pointsPlan } from './test-fixtures';

describe('half-year carry-over (S9) and linked assessment (S1)', () => {
  const plan = pointsPlan({
    halfYear: { weight: 0.3 },
    links: [{ unit: 'A3', sources: ['A1', 'A2'], share: 0.2 }],
  });
  const input = { ...miniInput(), halfYear: [{ unit: 'A1', total: 90 }] };
  const r = evaluate(plan, input);
  it('A1: base = 0.3 × 90 + 0.7 × 95 = 27 + 66.5 = 93.5; total = 93.5 + 8 = 101.5', () => {
    expect(r.unit('A1')!.base).toBe(93.5);
    expect(r.unit('A1')!.total).toBe(101.5);
  });
  it('A3: 0.8 × 84.68 + 0.2 × mean(93.5, 95.2) = 67.744 + 18.87 = 86.614 → 86.61; total 86.61 − 1.5 = 85.11', () => {
    expect(r.unit('A3')!.base).toBe(86.61);
    expect(r.unit('A3')!.total).toBe(85.11);
    expect(r.trace('A3').base.steps[1]).toEqual({
      code: 'base.linked',
      params: {
        own: 0.8,
        base: 84.68,
        share: 0.2,
        sources: [
          { unit: 'A1', score: 93.5 },
          { unit: 'A2', score: 95.2 },
        ],
        mean: 94.35,
      },
    });
  });
});

describe('unit-specific indicator (S7) re-weights to the component points', () => {
  const plan = pointsPlan();
  plan.indicators.push({
    code: 'T3',
    name: '专属指标',
    component: 'T',
    points: 10,
    kind: 'unit_specific',
    appliesTo: { units: ['A1'] },
    owner: 'x',
    method: { kind: 'completion' },
  });
  const input = miniInput();
  input.values.push({ unit: 'A1', indicator: 'T3', value: 10, target: 10 });
  const r = evaluate(plan, input);
  it('A1: T = (28.5 + 21 + 10) × 50 / 60 = 49.5833…; base = 49.5833 + 23 + 22.5 = 95.0833 → 95.08', () => {
    const a1 = r.unit('A1')!;
    expect(a1.components[0]!.score).toBeCloseTo(59.5 * (50 / 60), 12);
    expect(a1.base).toBe(95.08);
    expect(a1.total).toBe(103.08);
  });
  it('A2 does not have T3: T = 30 + 18 = 48 as before', () => {
    const a2 = r.unit('A2')!;
    expect(a2.indicators.find((i) => i.code === 'T3')!.score).toBeNull();
    expect(a2.components[0]!.score).toBe(48);
    expect(a2.total).toBe(95.2);
  });
  it('the trace of A1 says it was re-weighted', () => {
    // (28.50 + 21.00 + 10.00) × 50 / 60 = 59.5 × 5/6 = 49.58333…
    expect(r.trace('A1').components[0]!.steps).toEqual([
      {
        code: 'aggregate.reweighted',
        params: {
          terms: [28.5, 21, 10].map((value) => ({ value, decimals: 2 })),
          full: 50,
          weights: 60,
          raw: 49.58333333,
        },
      },
    ]);
  });
});

describe('bonus caps', () => {
  it('per-source caps, a source outside the shared cap', () => {
    const plan = pointsPlan({
      bonus: {
        cap: 8,
        sources: [
          { code: 'innovation', name: '创新', cap: 3 },
          { code: 'ranking', name: '进档升位' },
          { code: 'honor', name: '上级表彰', cap: 2, outsideSharedCap: true },
        ],
      },
    });
    const input = miniInput();
    input.bonuses!.push({ unit: 'A1', source: 'honor', points: 3 });
    // innovation min(3, 5) = 3; ranking 4 → shared min(8, 7) = 7; honor min(2, 3) = 2 outside → 9
    const a1 = evaluate(plan, input).unit('A1')!;
    expect(a1.bonus).toMatchObject({ raw: 12, capped: 9 });
    expect(a1.total).toBe(104); // 95 + 9
  });
});

describe('veto effects on awards (W5, S15)', () => {
  it('exclude_awards removes the unit from awards; the next unit takes the place', () => {
    const plan = pointsPlan({
      veto: { effects: ['exclude_awards'], freedQuota: 'next_unit' },
      awards: [{ code: 'top2', name: '前二名', top: 2 }],
    });
    const input = { ...miniInput(), vetoes: [{ unit: 'A1', event: 'food_safety' }] };
    const r = evaluate(plan, input);
    // totals: A1 103, A4 100.5, A2 95.2, A3 83.18; A1 excluded → A4 and A2
    expect(r.awards[0]!.units).toEqual(['A4', 'A2']);
    expect(r.unit('A1')!.eligibleForAwards).toBe(false);
    expect(r.unit('A1')!.grade!.name).toBe('优秀'); // exclusion does not touch the grade
  });
});
