import { describe, expect, it } from 'vitest';
import { formatScaled, toScaled } from '../src/index.js';

describe('scaled amounts', () => {
  it('counts millionths exactly', () => {
    expect(toScaled(0.1)).toBe(100000n);
    expect(toScaled(0.3)).toBe(300000n);
    expect(toScaled(12.345678)).toBe(12345678n);
    expect(toScaled(-2.5)).toBe(-2500000n);
    expect(toScaled(0.1234567)).toBeNull();
    expect(toScaled(1e14)).toBeNull();
    expect(toScaled(Number.NaN)).toBeNull();
    expect(formatScaled(300000n)).toBe('0.3');
    expect(formatScaled(-2500000n)).toBe('-2.5');
    expect(formatScaled(-1500000n)).toBe('-1.5');
    expect(formatScaled(12000000n)).toBe('12');
  });

  it('adds 0.1 and 0.2 to 0.3', () => {
    expect(toScaled(0.1)! + toScaled(0.2)!).toBe(toScaled(0.3));
  });
});
