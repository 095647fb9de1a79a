import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDecimal, roundDecimalString, roundFast, roundHalfUp } from './rounding';

describe('roundHalfUp (四舍五入, decimal-exact)', () => {
  it('rounds 2.675 up to 2.68 although the double is 2.67499…', () => {
    expect((2.675).toFixed(2)).toBe('2.67'); // the binary trap
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
  });
  it('hand cases', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(1.0049, 2)).toBe(1);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(89.455, 2)).toBe(89.46);
    expect(roundHalfUp(-2.675, 2)).toBe(-2.68);
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundHalfUp(0.29, 2)).toBe(0.29);
    expect(roundHalfUp(12.5, 0)).toBe(13);
    // 0.1 * 3 = 0.30000000000000004 → noise, still a tie at 0.3 → 0.3 with 1 place; 0.15 → 0.2
    expect(roundHalfUp(0.05 * 3, 1)).toBe(0.2);
  });
  it('half_even and down modes', () => {
    expect(roundDecimal(2.665, 2, 'half_even')).toBe(2.66);
    expect(roundDecimal(2.675, 2, 'half_even')).toBe(2.68);
    expect(roundDecimal(2.679, 2, 'down')).toBe(2.67);
    expect(roundDecimal(0.29, 2, 'down')).toBe(0.29);
  });
  it('string reference', () => {
    expect(roundDecimalString('2.675')).toBe('2.68');
    expect(roundDecimalString('-0.004')).toBe('0.00');
    expect(roundDecimalString('2.665', 2, 'half_even')).toBe('2.66');
  });
  it('agrees with the exact string rounding on decimals with up to 6 places', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d) => {
          const s = (n / 1e6).toFixed(6);
          const mode = (['half_up', 'half_even', 'down'] as const)[Math.abs(n) % 3]!;
          expect(roundDecimal(Number(s), d, mode)).toBe(Number(roundDecimalString(s, d, mode)));
        },
      ),
    );
  });
  it('the evaluator fast path equals roundDecimal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1000, max: 1000, noNaN: true }),
          fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 2000), // many exact ties
          fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000) * 0.1),
        ),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('half_up' as const, 'half_even' as const, 'down' as const),
        (x, d, mode) => {
          expect(roundFast(x, 10 ** d, d, mode, mode !== 'down')).toBe(roundDecimal(x, d, mode));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
