import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('completion', () => {
  it('below target is proportional: 95 / 100 = 0.95', () => {
    expect(run({ kind: 'completion' }, { value: 95, target: 100 }).f).toBe(0.95);
  });
  it('S6: exceeding earns nothing more: 130 / 100 → 1', () => {
    expect(run({ kind: 'completion' }, { value: 130, target: 100 }).f).toBe(1);
  });
  it('H3: baseline with capped bonus: r = 120/100 = 1.2; 1 + min(0.1, 0.5 × 0.2) = 1.1', () => {
    const spec = { kind: 'completion', reference: 'baseline', excessRate: 0.5, excessCap: 0.1 } as const;
    expect(run(spec, { value: 120, baseline: 100 }).f).toBeCloseTo(1.1, 12);
    // r = 110/100 = 1.1 → 1 + 0.5 × 0.1 = 1.05
    expect(run(spec, { value: 110, baseline: 100 }).f).toBeCloseTo(1.05, 12);
    // r = 300/100 = 3 → 1 + min(0.1, 1.0) = 1.1 (cap)
    expect(run(spec, { value: 300, baseline: 100 }).f).toBeCloseTo(1.1, 12);
  });
  it('below = zero: not reaching the target earns nothing (Suqian 达标)', () => {
    expect(run({ kind: 'completion', below: 'zero' }, { value: 99, target: 100 }).f).toBe(0);
  });
  it('lower is better: r = ref / x = 80 / 100 = 0.8', () => {
    expect(run({ kind: 'completion' }, { value: 100, target: 80 }, { direction: 'lower' }).f).toBe(0.8);
    expect(run({ kind: 'completion' }, { value: 0, target: 80 }, { direction: 'lower' }).f).toBe(1);
  });
  it('zero target uses the configured outcome, never NaN/Infinity', () => {
    expect(run({ kind: 'completion' }, { value: 5, target: 0 }, { dz: 'zero' }).f).toBe(0);
    expect(run({ kind: 'completion' }, { value: 5, target: 0 }, { dz: 'full' }).f).toBe(1);
    const m = run({ kind: 'completion' }, { value: 5, target: 0 }, { dz: 'missing' });
    expect(m.f).toBeNaN();
    expect(m.tr.notes).toEqual([
      { code: 'note.division_by_zero', params: { cause: 'reference', value: 0, outcome: 'missing' } },
    ]);
  });
  it('missing value is NaN and noted', () => {
    const r = run({ kind: 'completion' }, { target: 100 });
    expect(r.f).toBeNaN();
    expect(r.tr.notes).toEqual([{ code: 'note.missing_input', params: { field: 'value' } }]);
  });
});

describe('completion explains itself in steps', () => {
  it('110 against 100 with excess 0.5 capped at 0.2: r = 1.1, f = 1 + min(0.2, 0.5 × 0.1) = 1.05', () => {
    const { f, tr } = run(
      { kind: 'completion', excessRate: 0.5, excessCap: 0.2 },
      { value: 110, target: 100 },
    );
    expect(f).toBeCloseTo(1.05, 12);
    expect(tr.steps.map((s) => s.code)).toEqual(['completion.formula', 'ratio.higher', 'ratio.excess']);
    expect(tr.steps[0]!.params).toEqual({ ref: 'target' });
    expect(tr.steps[1]!.params).toEqual({ x: 110, ref: 100, r: 1.1 });
    expect(tr.steps[2]!.params).toEqual({ cap: 0.2, rate: 0.5, f });
  });
  it('lower is better with x = 0: r unbounded, reference reached', () => {
    const { tr } = run({ kind: 'completion' }, { value: 0, target: 80 }, { direction: 'lower' });
    expect(tr.steps).toEqual([
      { code: 'completion.formula', params: { ref: 'target' } },
      { code: 'ratio.lower_unbounded', params: { x: 0, ref: 80 } },
      { code: 'ratio.reached', params: {} },
    ]);
  });
  it('pro-rata by month, half the year gone: ref = 144 × 0.5 = 72, r = 54 / 72 = 0.75 = f', () => {
    const { f, tr } = run({ kind: 'pro_rata', basis: 'month' }, { value: 54, target: 144 }, { elapsed: 0.5 });
    expect(f).toBe(0.75);
    expect(tr.steps).toEqual([
      { code: 'pro_rata.formula', params: { basis: 'month' } },
      { code: 'pro_rata.reference', params: { target: 144, elapsed: 0.5, ref: 72 } },
      { code: 'ratio.higher', params: { x: 54, ref: 72, r: 0.75 } },
      { code: 'ratio.below', params: { r: 0.75, f: 0.75 } },
    ]);
  });
});
