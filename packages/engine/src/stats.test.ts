import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanSd, trimmedMean } from './stats';

describe('meanSd', () => {
  it('2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; Σ(x − 5)² = 32; population σ = √(32/8) = 2', () => {
    expect(meanSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2, n: 8 });
  });
  it('sample σ = √(32/7) = 2.138089935…', () => {
    expect(meanSd([2, 4, 4, 4, 5, 5, 7, 9], 'sample').sd).toBeCloseTo(2.138089935, 9);
  });
  it('nothing to divide by: no values → mean 0, σ 0; one value, sample → σ 0', () => {
    expect(meanSd([])).toEqual({ mean: 0, sd: 0, n: 0 });
    expect(meanSd([7], 'sample')).toEqual({ mean: 7, sd: 0, n: 1 });
  });
});

describe('trimmedMean', () => {
  it('95, 80, 60, 90, 85 without 60 and 95: (80 + 85 + 90) / 3 = 85', () => {
    expect(trimmedMean([95, 80, 60, 90, 85], 1)).toEqual({
      sorted: [60, 80, 85, 90, 95],
      kept: [80, 85, 90],
      keptFrom: 1,
      keptTo: 4,
      mean: 85,
      trimmed: true,
    });
  });
  it('below `from` every value counts: 4 scores with from = 5 → (70 + 80 + 90 + 100) / 4 = 85', () => {
    const r = trimmedMean([100, 70, 90, 80], 1, 5);
    expect(r.trimmed).toBe(false);
    expect(r.mean).toBe(85);
    // the same four with the default from = 3: (80 + 90) / 2 = 85 as well, but trimmed
    expect(trimmedMean([100, 70, 90, 80], 1).kept).toEqual([80, 90]);
  });
  it('a `from` below 2·trim + 1 is raised: 2 scores, trim 1, from 2 → plain mean', () => {
    expect(trimmedMean([70, 90], 1, 2)).toMatchObject({ mean: 80, trimmed: false });
  });
  it('no values: NaN', () => {
    expect(trimmedMean([], 1).mean).toBeNaN();
  });
  it('properties: within [min, max] of the values; the same for any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 9 }),
        (xs, trim, from) => {
          const r = trimmedMean(xs, trim, from);
          expect(r.mean).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(r.mean).toBeLessThanOrEqual(Math.max(...xs));
          expect(trimmedMean([...xs].reverse(), trim, from).mean).toBe(r.mean);
        },
      ),
    );
  });
});
