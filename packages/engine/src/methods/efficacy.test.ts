import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('efficacy coefficient (功效系数法)', () => {
  it('group limits: min 50, max 90; x = 80 → d = 60 + 40 × 30/40 = 90 → 0.9', () => {
    expect(run({ kind: 'efficacy', limits: 'group' }, { value: 80 }, { group: [50, 80, 90] }).f).toBeCloseTo(
      0.9,
      12,
    );
  });
  it('lower is better swaps the limits: x = 60 → d = 60 + 40 × (60 − 90)/(50 − 90) = 90', () => {
    const r = run(
      { kind: 'efficacy', limits: 'group' },
      { value: 60 },
      { group: [50, 60, 90], direction: 'lower' },
    );
    expect(r.f).toBeCloseTo(0.9, 12);
  });
  it('fixed limits and clamping: worst 0, best 200, x = 250 → d = 110 → clamped 100; x = -50 → 50 → 60', () => {
    const spec = { kind: 'efficacy', limits: { worst: 0, best: 200 } } as const;
    expect(run(spec, { value: 250 }).f).toBe(1);
    expect(run(spec, { value: -50 }).f).toBe(0.6);
    // x = 50 → d = 60 + 40 × 50/200 = 70
    expect(run(spec, { value: 50 }).f).toBeCloseTo(0.7, 12);
  });
  it('all equal (x_h = x_s) follows the division-by-zero outcome', () => {
    expect(run({ kind: 'efficacy', limits: 'group' }, { value: 5 }, { group: [5, 5], dz: 'full' }).f).toBe(1);
  });
  it('a scope without any value has no limits: x_s and x_h are null (never ±Infinity) and a note says so', () => {
    const { f, tr } = run({ kind: 'efficacy', limits: 'group' }, {}, { group: [] });
    expect(f).toBeNaN(); // missing: the plan's missing-value policy applies
    expect(tr.vars).toEqual({ x: null, x_s: null, x_h: null });
    expect(tr.notes).toEqual([
      { code: 'note.no_limits', params: {} },
      { code: 'note.missing_input', params: { field: 'value' } },
    ]);
    const lower = run({ kind: 'efficacy', limits: 'group' }, { value: 3 }, { group: [], direction: 'lower' });
    expect(lower.f).toBeNaN();
    expect(Object.values(lower.tr.vars).every((v) => v === null || Number.isFinite(v))).toBe(true);
  });
});
