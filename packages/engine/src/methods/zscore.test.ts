import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('z-score', () => {
  // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population σ = 2, sample σ = sqrt(32/7) = 2.138089935…
  const group = [2, 4, 4, 4, 5, 5, 7, 9];
  it('population σ: x = 9 → z = 2 → d = 80 + 10 × 2 = 100 → 1', () => {
    expect(run({ kind: 'zscore', sigma: 'population' }, { value: 9 }, { group }).f).toBe(1);
    // x = 4 → z = −0.5 → d = 75
    expect(run({ kind: 'zscore', sigma: 'population' }, { value: 4 }, { group }).f).toBe(0.75);
  });
  it('sample σ: x = 9 → z = 4 / 2.138089935 = 1.870828693 → d = 98.70828693', () => {
    expect(run({ kind: 'zscore', sigma: 'sample' }, { value: 9 }, { group }).f).toBeCloseTo(0.9870828693, 9);
  });
  it('lower is better negates z: x = 4 → z = +0.5 → 85; custom mapping 60 + 20z', () => {
    expect(run({ kind: 'zscore', sigma: 'population' }, { value: 4 }, { group, direction: 'lower' }).f).toBe(
      0.85,
    );
    expect(
      run({ kind: 'zscore', sigma: 'population', center: 60, scale: 20 }, { value: 7 }, { group }).f,
    ).toBe(0.8);
  });
  it('σ = 0 gives z = 0', () => {
    expect(run({ kind: 'zscore', sigma: 'population' }, { value: 3 }, { group: [3, 3] }).f).toBe(0.8);
  });
});
