import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

/** Own value against base 100, the peer's against its base 100. */
const growth = (value: number, peerValue: number) => ({
  value,
  baseValue: 100,
  peerValue,
  peerBaseValue: 100,
});

describe('benchmark (W2/W6)', () => {
  it('ratio: g = (108 − 100)/100 = 0.08, gp = (110 − 100)/100 = 0.1 → 0.8', () => {
    const r = run({ kind: 'benchmark', mode: 'ratio' }, growth(108, 110));
    expect(r.f).toBeCloseTo(0.8, 12);
  });
  it('ratio beyond the peer is capped at 1 + excessCap = 1.2: g = 0.3, gp = 0.1 → 3 → 1.2', () => {
    const r = run({ kind: 'benchmark', mode: 'ratio', excessCap: 0.2 }, growth(130, 110));
    expect(r.f).toBe(1.2);
  });
  it('difference: 0.8 + 0.05 × 100 × (0.12 − 0.10) = 0.8 + 0.1 = 0.9', () => {
    const r = run({ kind: 'benchmark', mode: 'difference' }, growth(112, 110));
    expect(r.f).toBeCloseTo(0.9, 12);
  });
  it('zero peer growth in ratio mode uses the configured outcome', () => {
    const cell = growth(112, 100);
    expect(run({ kind: 'benchmark', mode: 'ratio' }, cell, { dz: 'full' }).f).toBe(1);
    expect(run({ kind: 'benchmark', mode: 'ratio' }, cell, { dz: 'zero' }).f).toBe(0);
  });
});
