import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('total_growth (W3, 4:6)', () => {
  it('hand case', () => {
    // total part: 105 / 110 = 0.954545…; growth g = (105 − 100) / 100 = 0.05, gT = 0.08 → 0.625
    // f = 0.4 × 0.9545454545 + 0.6 × 0.625 = 0.3818181818 + 0.375 = 0.7568181818
    const r = run(
      { kind: 'total_growth', totalShare: 0.4, growthTarget: 0.08 },
      { value: 105, target: 110, baseValue: 100 },
    );
    expect(r.f).toBeCloseTo(0.7568181818, 9);
  });
  it('growth target derived from target: gT = (110 − 100)/100 = 0.1; g = 0.12 → capped at 1; total 112/110 → 1', () => {
    expect(
      run({ kind: 'total_growth', totalShare: 0.4 }, { value: 112, target: 110, baseValue: 100 }).f,
    ).toBe(1);
  });
  it('decline gives zero growth part: 0.4 × 90/110 = 0.327272…', () => {
    const r = run({ kind: 'total_growth', totalShare: 0.4 }, { value: 90, target: 110, baseValue: 100 });
    expect(r.f).toBeCloseTo(0.4 * (90 / 110), 12);
  });
  it('zero base value follows the division-by-zero outcome', () => {
    expect(
      run({ kind: 'total_growth', totalShare: 0.4 }, { value: 9, target: 10, baseValue: 0 }, { dz: 'full' })
        .f,
    ).toBe(1);
  });
});
