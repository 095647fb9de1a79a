import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('benchmark (W2/W6)', () => {
  it('ratio: g = (108 − 100)/100 = 0.08, gp = (110 − 100)/100 = 0.1 → 0.8', () => {
    const r = run(
      { kind: 'benchmark', mode: 'ratio' },
      { value: 108, baseValue: 100, peerValue: 110, peerBaseValue: 100 },
    );
    expect(r.f).toBeCloseTo(0.8, 12);
  });
  it('ratio beyond the peer is capped at 1 + excessCap = 1.2: g = 0.3, gp = 0.1 → 3 → 1.2', () => {
    const r = run(
      { kind: 'benchmark', mode: 'ratio', excessCap: 0.2 },
      { value: 130, baseValue: 100, peerValue: 110, peerBaseValue: 100 },
    );
    expect(r.f).toBe(1.2);
  });
  it('difference: 0.8 + 0.05 × 100 × (0.12 − 0.10) = 0.8 + 0.1 = 0.9', () => {
    const r = run(
      { kind: 'benchmark', mode: 'difference' },
      { value: 112, baseValue: 100, peerValue: 110, peerBaseValue: 100 },
    );
    expect(r.f).toBeCloseTo(0.9, 12);
  });
  it('zero peer growth in ratio mode uses the configured outcome', () => {
    const cell = { value: 112, baseValue: 100, peerValue: 100, peerBaseValue: 100 };
    expect(run({ kind: 'benchmark', mode: 'ratio' }, cell, { dz: 'full' }).f).toBe(1);
    expect(run({ kind: 'benchmark', mode: 'ratio' }, cell, { dz: 'zero' }).f).toBe(0);
  });
});
