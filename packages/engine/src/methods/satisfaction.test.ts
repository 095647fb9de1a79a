import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

describe('satisfaction and manual', () => {
  it('satisfaction 93.8 on 100 → 0.938', () => {
    expect(run({ kind: 'satisfaction' }, { value: 93.8 }).f).toBe(0.938);
  });
  it('satisfaction on a 5-point scale: 4.5 / 5 = 0.9; above scale clamps to 1', () => {
    expect(run({ kind: 'satisfaction', scale: 5 }, { value: 4.5 }).f).toBe(0.9);
    expect(run({ kind: 'satisfaction', scale: 5 }, { value: 6 }).f).toBe(1);
  });
  it('manual score in the indicator points: 7.5 of 10 → 0.75', () => {
    expect(run({ kind: 'manual' }, { value: 7.5 }, { scale: 10 }).f).toBe(0.75);
    expect(run({ kind: 'manual', scale: 100 }, { value: 88 }, { scale: 10 }).f).toBe(0.88);
  });
});
