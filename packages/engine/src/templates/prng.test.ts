import { describe, expect, it } from 'vitest';
import { sfc32 } from './prng';

describe('sfc32', () => {
  it('steps its counter state as the reference does (hand-computed from state 0, 0, 0, 1)', () => {
    const r = sfc32(0, 0, 0, 1);
    // t = a + b + d: 0 + 0 + 1 = 1; then b = c + 8c = 0, c = rotl(c, 21) + t = 1, d = 2.
    expect(r() * 2 ** 32).toBe(1);
    // t = 0 + 0 + 2 = 2; b = 1 + 8 = 9, c = rotl(1, 21) + 2 = 2097154, d = 3.
    expect(r() * 2 ** 32).toBe(2);
    // t = 0 + 9 + 3 = 12.
    expect(r() * 2 ** 32).toBe(12);
  });

  it('gives the same stream for the same seed, in [0, 1)', () => {
    const a = sfc32(1, 2, 3, 4);
    const b = sfc32(1, 2, 3, 4);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
