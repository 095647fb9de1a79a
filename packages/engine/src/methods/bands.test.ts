import { describe, expect, it } from 'vitest';
import { run } from './test-helpers';

const breakpoints: [number, number][] = [
  [60, 0.6],
  [80, 0.8],
  [90, 1],
];

describe('bands', () => {
  it('step: 85 reaches the 80 band → 0.8; 59 below the first → 0; 95 → 1', () => {
    expect(run({ kind: 'bands', breakpoints, interpolate: false }, { value: 85 }).f).toBe(0.8);
    expect(run({ kind: 'bands', breakpoints, interpolate: false }, { value: 59 }).f).toBe(0);
    expect(run({ kind: 'bands', breakpoints, interpolate: false }, { value: 95 }).f).toBe(1);
  });
  it('interpolate: 85 → 0.8 + (1 − 0.8) × (85 − 80)/(90 − 80) = 0.9; 50 → 0.6 (flat below)', () => {
    expect(run({ kind: 'bands', breakpoints, interpolate: true }, { value: 85 }).f).toBeCloseTo(0.9, 12);
    expect(run({ kind: 'bands', breakpoints, interpolate: true }, { value: 50 }).f).toBe(0.6);
    expect(run({ kind: 'bands', breakpoints, interpolate: true }, { value: 70 }).f).toBeCloseTo(0.7, 12);
  });
});
