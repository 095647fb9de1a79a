import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('pro_rata (S9)', () => {
  it('by month at June: ref = 1200 × 6/12 = 600; 540 / 600 = 0.9', () => {
    expect(run({ kind: 'pro_rata', basis: 'month' }, { value: 540, target: 1200 }, { elapsed: 0.5 }).f).toBe(
      0.9,
    );
  });
  it('by day: ref = 365 × 181/365 = 181; 181 / 181 = 1', () => {
    const r = run({ kind: 'pro_rata', basis: 'day' }, { value: 181, target: 365 }, { elapsed: 181 / 365 });
    expect(r.f).toBeCloseTo(1, 12);
  });
  it('ahead of schedule with a capped bonus: r = 700/600; 1 + min(0.05, 0.2 × 1/6) = 1.0333…', () => {
    const r = run(
      { kind: 'pro_rata', basis: 'month', excessRate: 0.2, excessCap: 0.05 },
      { value: 700, target: 1200 },
      { elapsed: 0.5 },
    );
    expect(r.f).toBeCloseTo(1 + 0.2 / 6, 12);
  });
});
