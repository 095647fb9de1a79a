import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('deduction (S11)', () => {
  it('10 points full, 3 items × 1.5 = 4.5 deducted → 5.5 / 10 = 0.55', () => {
    expect(run({ kind: 'deduction', perItem: 1.5 }, { value: 3 }, { scale: 10, direction: 'lower' }).f).toBe(
      0.55,
    );
  });
  it('never below zero: 10 items × 1.5 = 15 > 10 → 0', () => {
    expect(run({ kind: 'deduction', perItem: 1.5 }, { value: 10 }, { scale: 10, direction: 'lower' }).f).toBe(
      0,
    );
  });
});
