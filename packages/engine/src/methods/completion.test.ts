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
    expect(m.tr.notes.join()).toMatch(/division by zero/);
  });
  it('missing value is NaN and noted', () => {
    const r = run({ kind: 'completion' }, { target: 100 });
    expect(r.f).toBeNaN();
    expect(r.tr.notes).toContain('missing input: value');
  });
});
