import { ahp } from '@jixiao/engine';
import { describe, expect, it } from 'vitest';
import {
  fillReciprocal,
  impliedMatrix,
  parseSaaty,
  roundWeights,
  SAATY_OPTIONS,
  saatyLabel,
  upperOf,
} from './ahpMatrix.js';

describe('AHP matrix helpers', () => {
  it('fills the lower triangle with reciprocals and the diagonal with 1', () => {
    const m = fillReciprocal([
      [null, 3, 5],
      [null, null, 2],
      [null, null, null],
    ]);
    expect(m[0]).toEqual([1, 3, 5]);
    expect(m[1]![0]).toBeCloseTo(1 / 3, 12);
    expect(m[2]![0]).toBeCloseTo(1 / 5, 12);
    expect(m[2]![1]).toBeCloseTo(1 / 2, 12);
    expect(m[1]![1]).toBe(1);
    // the engine accepts it as a reciprocal matrix
    expect(ahp(m).issues).toEqual([]);
  });

  it('treats missing entries as equal importance and reciprocal inputs as given', () => {
    const m = fillReciprocal([
      [null, 1 / 3],
      [null, null],
    ]);
    expect(m[1]![0]).toBeCloseTo(3, 12);
    expect(fillReciprocal([[null, undefined], [null]])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('parses and labels the 1–9 scale', () => {
    expect(parseSaaty('3')).toBe(3);
    expect(parseSaaty(' 1/7 ')).toBeCloseTo(1 / 7, 12);
    expect(parseSaaty('10')).toBeUndefined();
    expect(parseSaaty('0')).toBeUndefined();
    expect(saatyLabel(1 / 3)).toBe('1/3');
    expect(saatyLabel(9)).toBe('9');
    expect(SAATY_OPTIONS).toHaveLength(17);
  });

  it('rounds weights to 4 decimals summing to exactly 1', () => {
    const w = roundWeights([1 / 3, 1 / 3, 1 / 3]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(
      w.every(
        (x) => Math.round(x * 10_000) === x * 10_000 || Math.abs(x * 10_000 - Math.round(x * 10_000)) < 1e-6,
      ),
    ).toBe(true);
    expect(roundWeights([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(roundWeights([0, 0])).toEqual([0, 0]);
  });

  it('reads the upper triangle back from a stored matrix', () => {
    expect(
      upperOf(
        [
          [1, 3],
          [1 / 3, 1],
        ],
        2,
      ),
    ).toEqual([
      [null, 3],
      [null, null],
    ]);
  });
});

describe('impliedMatrix', () => {
  it('is the ratio of the values, reciprocal, 1 on the diagonal', () => {
    expect(impliedMatrix([20, 10, 5])).toEqual([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ]);
  });
  it('compares a missing or zero value as equal', () => {
    expect(impliedMatrix([10, undefined, 0])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});
