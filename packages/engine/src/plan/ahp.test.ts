import { describe, expect, it } from 'vitest';
import { AhpError, ahp, ahpWeights } from './ahp';

describe('AHP', () => {
  it('a perfectly consistent matrix gives its ratios: 4:2:1 → 4/7, 2/7, 1/7, CR 0', () => {
    const r = ahpWeights([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 10);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 10);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 10);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.consistencyRatio).toBeCloseTo(0, 10);
  });
  it('Saaty textbook 3×3: [1,3,5; 1/3,1,3; 1/5,1/3,1] → w ≈ 0.637, 0.258, 0.105; λ ≈ 3.0385; CR ≈ 0.0332 (RI 0.58)', () => {
    const r = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(0.637, 3);
    expect(r.weights[1]).toBeCloseTo(0.258, 3);
    expect(r.weights[2]).toBeCloseTo(0.105, 3);
    // CI = (3.0385 − 3)/2 = 0.01925; CR = 0.01925 / 0.58 = 0.0332
    expect(r.consistencyRatio).toBeCloseTo(0.0332, 3);
    expect(r.consistent).toBe(true);
  });
  it('rejects CR ≥ 0.10 with a message', () => {
    // A > B (9), B > C (9) but C > A (9): wildly inconsistent
    const m = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    expect(ahp(m).consistent).toBe(false);
    expect(() => ahpWeights(m)).toThrow(AhpError);
    expect(() => ahpWeights(m)).toThrow(/ahp.inconsistent/);
    expect(ahp(m).issues).toEqual([
      { code: 'ahp.inconsistent', params: { cr: expect.any(Number), limit: 0.1, ri: 0.58, order: 3 } },
    ]);
    expect((ahp(m).issues[0]!.params as { cr: number }).cr).toBeGreaterThanOrEqual(0.1);
  });
  it('rejects malformed matrices', () => {
    expect(
      ahp([
        [1, 2],
        [2, 1],
      ]).issues[0],
    ).toEqual({ code: 'ahp.reciprocal', params: { row: 1, col: 2 } });
    expect(ahp([[1, 2]]).issues[0]).toEqual({ code: 'ahp.row_length', params: { row: 1, order: 1 } });
  });
});
