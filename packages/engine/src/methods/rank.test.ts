import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

const group = [90, 80, 80, 70, 60];

describe('rank-based points', () => {
  it('linear with floor 0.6: 5 units, rank 2 (tied) → 1 − 0.4 × 1/4 = 0.9; rank 4 → 1 − 0.4 × 3/4 = 0.7', () => {
    expect(run({ kind: 'rank' }, { value: 80 }, { group }).f).toBeCloseTo(0.9, 12);
    expect(run({ kind: 'rank' }, { value: 70 }, { group }).tr.vars.r).toBe(4);
    expect(run({ kind: 'rank' }, { value: 70 }, { group }).f).toBeCloseTo(0.7, 12);
    expect(run({ kind: 'rank' }, { value: 90 }, { group }).f).toBe(1);
  });
  it('table; lower is better ranks 60 first', () => {
    const spec = { kind: 'rank' as const, table: [1, 0.9, 0.8] };
    expect(run(spec, { value: 60 }, { group, direction: 'lower' }).f).toBe(1);
    expect(run(spec, { value: 80 }, { group, direction: 'lower' }).f).toBe(0.8); // rank 3 (60, 70 better)
    expect(run(spec, { value: 90 }, { group, direction: 'lower' }).f).toBe(0.8); // rank 5 → last entry
  });
});
