import { describe, expect, it } from 'vitest';
import { productUnits, roundedWeightedSum } from './weighted-products';

describe('rounding stage "product": each weighted product rounded before the sum', () => {
  // Shenzhen departments (seed 003, rule Z9): 行政业绩 45 % · 行政效率 20 % · 行政执行力 25 % · 行政成本 10 %.
  it('0.45 × 99.9 = 44.955 → 44.96 (half_up, decimal-exact: the double is 44.955000000000005 or below)', () => {
    // weights are relative (Σw normalises them): 0.45 of 0.45 + 0.55
    expect(roundedWeightedSum([0.45, 0.55], [99.9, 80], 2, 'half_up').products).toEqual([44.96, 44]);
    expect(roundedWeightedSum([45, 55], [99.9, 80], 2, 'half_up').products[0]).toBe(44.96);
    // in units of 0.01: 45 × 9990 / 100 = 4495.5 → 4496
    expect(productUnits(45, 100, 9990, 'half_up')).toBe(4496);
    expect(productUnits(45, 100, 9990, 'half_even')).toBe(4496);
    expect(productUnits(45, 100, 9990, 'down')).toBe(4495);
  });
  it('Shenzhen aspects 99.9, 88.35, 90.05, 70.1 at 45/20/25/10 → 44.96 + 17.67 + 22.51 + 7.01 = 92.15', () => {
    // 0.45 × 99.9 = 44.955 → 44.96; 0.20 × 88.35 = 17.67; 0.25 × 90.05 = 22.5125 → 22.51; 0.10 × 70.1 = 7.01
    const r = roundedWeightedSum([45, 20, 25, 10], [99.9, 88.35, 90.05, 70.1], 2, 'half_up');
    expect(r.products).toEqual([44.96, 17.67, 22.51, 7.01]);
    expect(r.sum).toBe(92.15);
    // (unrounded: 44.955 + 17.67 + 22.5125 + 7.01 = 92.1475 → 92.15 as well; the next case differs)
  });
  it('where it matters: 0.5 × 80.01 + 0.5 × 80.01 → 40.01 + 40.01 = 80.02 (unrounded 80.01)', () => {
    // 0.5 × 80.01 = 40.005 → 40.01 (half_up) twice; the plain weighted mean is 80.01.
    expect(roundedWeightedSum([50, 50], [80.01, 80.01], 2, 'half_up').sum).toBe(80.02);
  });
  it('a child left out: weights re-normalised over those present (45 / 45 → 1 × 99.9)', () => {
    const r = roundedWeightedSum([45, 55], [99.9, Number.NaN], 2, 'half_up');
    expect(r.sum).toBe(99.9);
    expect(Number.isNaN(r.products[1]!)).toBe(true);
  });
});
