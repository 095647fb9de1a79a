import { describe, expect, it } from 'vitest';
import { criticWeights, entropyWeights, objectiveWeights, standardise } from './objective-weights';

/**
 * A hand-computed example in the shape of Wuxi's district benchmarking (seed 002, rule W2: the
 * districts are compared on several growth indicators): 4 districts × 3 indicators.
 *
 *   district | x1 (higher) | x2 (higher) | x3 (lower is better)
 *   U1       | 10          | 1           | 5
 *   U2       | 20          | 1           | 3
 *   U3       | 30          | 1           | 5
 *   U4       | 40          | 3           | 1
 *
 * Standardised (min-max; x3 reversed: (5 − x) / 4):
 *   z1 = 0, 1/3, 2/3, 1    z2 = 0, 0, 0, 1    z3 = 0, 1/2, 0, 1
 */
const columns = [
  { values: [10, 20, 30, 40], direction: 'higher' as const },
  { values: [1, 1, 1, 3], direction: 'higher' as const },
  { values: [5, 3, 5, 1], direction: 'lower' as const },
];

describe('standardise (min-max, direction-aware)', () => {
  it('x1 → 0, 1/3, 2/3, 1; x3 (lower) → 0, 0.5, 0, 1; a constant column → zeros', () => {
    expect(standardise([10, 20, 30, 40], 'higher')).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(standardise([5, 3, 5, 1], 'lower')).toEqual([0, 0.5, 0, 1]);
    expect(standardise([7, 7, 7], 'higher')).toEqual([0, 0, 0]);
  });
});

/** Each wanted number (null: not checked) to 6 decimals. */
function expectClose(got: readonly number[] | undefined, want: (number | null)[]): void {
  want.forEach((w, i) => {
    if (w !== null) expect(got![i], `#${i}`).toBeCloseTo(w, 6);
  });
}

describe('entropy method (熵值法)', () => {
  /*
   * p1 = z1 / 2 = 0, 1/6, 1/3, 1/2;  p2 = 0, 0, 0, 1;  p3 = z3 / 1.5 = 0, 1/3, 0, 2/3.
   * ln 4 = 1.3862944
   * e1 = −(1/6 ln 1/6 + 1/3 ln 1/3 + 1/2 ln 1/2) / ln 4 = (0.2986266 + 0.3662041 + 0.3465736) / 1.3862944
   *    = 1.0114043 / 1.3862944 = 0.7295740                d1 = 0.2704260
   * e2 = −(1 · ln 1) / ln 4 = 0                             d2 = 1
   * e3 = −(1/3 ln 1/3 + 2/3 ln 2/3) / ln 4 = (0.3662041 + 0.2703101) / 1.3862944 = 0.4591479
   *                                                         d3 = 0.5408521
   * Σd = 1.8112781 → w = 0.1493012, 0.5520963, 0.2986024
   */
  const r = entropyWeights(columns);
  it('e = 0.7295740, 0, 0.4591479; d = 0.2704260, 1, 0.5408521', () => {
    expectClose(r.entropy, [0.729574, null, 0.4591479]);
    expect(r.entropy![1]).toBeCloseTo(0, 12);
    expectClose(r.divergence, [0.270426, null, 0.5408521]);
  });
  it('w = 0.1493012, 0.5520963, 0.2986024 (sum 1), from 4 units', () => {
    expectClose(r.weights, [0.1493012, 0.5520963, 0.2986024]);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.units).toBe(4);
    expect(r.fallback).toBe(false);
  });
  it('a constant column gets weight 0; all constant → equal weights (fallback)', () => {
    const one = entropyWeights([columns[0]!, { values: [2, 2, 2, 2], direction: 'higher' }]);
    expect(one.weights).toEqual([1, 0]);
    const none = entropyWeights([
      { values: [2, 2], direction: 'higher' },
      { values: [5, 5], direction: 'lower' },
    ]);
    expect(none.weights).toEqual([0.5, 0.5]);
    expect(none.fallback).toBe(true);
  });
  it('fewer than two units → equal weights (fallback)', () => {
    const r1 = entropyWeights([
      { values: [3], direction: 'higher' },
      { values: [4], direction: 'higher' },
    ]);
    expect(r1.weights).toEqual([0.5, 0.5]);
    expect(r1.fallback).toBe(true);
  });
});

describe('CRITIC', () => {
  /*
   * Means 0.5, 0.25, 0.375. σ (population):
   *   σ1 = √((0.25 + 1/36 + 1/36 + 0.25) / 4) = √0.1388889 = 0.3726780
   *   σ2 = √((3 · 0.0625 + 0.5625) / 4)       = √0.1875    = 0.4330127
   *   σ3 = √((0.140625 + 0.015625 + 0.140625 + 0.390625) / 4) = √0.171875 = 0.4145781
   * Covariances (÷ 4): c12 = 0.5 / 4 = 0.125, c13 = 0.4166667 / 4 = 0.1041667, c23 = 0.625 / 4 = 0.15625
   *   r12 = 0.125 / (0.3726780 · 0.4330127) = 0.7745967
   *   r13 = 0.1041667 / (0.3726780 · 0.4145781) = 0.6741999
   *   r23 = 0.15625 / (0.4330127 · 0.4145781) = 0.8703883
   * C1 = 0.3726780 · (2 − 0.7745967 − 0.6741999) = 0.3726780 · 0.5512034 = 0.2054214
   * C2 = 0.4330127 · (2 − 0.7745967 − 0.8703883) = 0.4330127 · 0.3550150 = 0.1537260
   * C3 = 0.4145781 · (2 − 0.6741999 − 0.8703883) = 0.4145781 · 0.4554118 = 0.1888038
   * ΣC = 0.5479512 → w = 0.3748900, 0.2805469, 0.3445631
   */
  const r = criticWeights(columns);
  it('σ, conflict and C as computed by hand', () => {
    expectClose(r.sigma, [0.372678, 0.4330127, 0.4145781]);
    expectClose(r.conflict, [0.5512034]);
    expectClose(r.information, [null, 0.153726]);
  });
  it('w = 0.3748900, 0.2805469, 0.3445631', () => {
    expectClose(r.weights, [0.37489, 0.2805469, 0.3445631]);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('objectiveWeights dispatches by method', () => {
    expect(objectiveWeights('critic', columns).weights).toEqual(r.weights);
    expect(objectiveWeights('entropy', columns).method).toBe('entropy');
  });
});
