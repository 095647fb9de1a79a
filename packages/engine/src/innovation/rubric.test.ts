import { describe, expect, it } from 'vitest';
import { type Rubric, scoreSheet, validateRubric } from './rubric';

/** Huangpu-style rubric in points: 创新性 30, 实效性 40, 可推广性 30, each scored 0 to its points. */
const points: Rubric = {
  criteria: [
    { code: 'novelty', name: '创新性', weight: 0.3, min: 0, max: 30 },
    { code: 'effect', name: '实效性', weight: 0.4, min: 0, max: 40 },
    { code: 'reach', name: '可推广性', weight: 0.3, min: 0, max: 30 },
  ],
};

describe('rubric validation', () => {
  it('a valid rubric has no issues', () => {
    expect(validateRubric(points)).toEqual([]);
    // 0.1 + 0.2 + 0.7 = 0.9999999999999999 in binary: within the tolerance
    const tenths = [0.1, 0.2, 0.7].map((weight, i) => ({
      code: `c${i}`,
      name: 'c',
      weight,
      min: 0,
      max: 10,
    }));
    expect(validateRubric({ criteria: tenths })).toEqual([]);
  });
  it('weights must be > 0 and sum to 1; ranges min < max; codes unique', () => {
    const bad: Rubric = {
      criteria: [
        { code: 'a', name: 'a', weight: 0.5, min: 0, max: 10 },
        { code: 'a', name: 'a again', weight: 0, min: 0, max: 10 },
        { code: 'b', name: 'b', weight: 0.3, min: 10, max: 10 },
      ],
      total: 0,
    };
    expect(validateRubric(bad).map((i) => [i.code, i.path, i.params])).toEqual([
      ['total', 'total', { value: 0 }],
      ['duplicate', 'criteria[1].code', { criterion: 'a' }],
      ['weight', 'criteria[1].weight', { criterion: 'a', value: 0 }],
      ['range', 'criteria[2]', { criterion: 'b', min: 10, max: 10 }],
      // 0.5 + 0.3 (the zero weight is reported on its own)
      ['weights_sum', 'criteria', { sum: 0.8 }],
    ]);
  });
  it('no criteria', () => {
    expect(validateRubric({ criteria: [] }).map((i) => i.code)).toEqual(['required']);
  });
});

describe('a judge’s sheet', () => {
  it('points rubric: 24 + 35 + 20 = 79 (each part = 100 × weight × s ÷ range: 100 × 0.3 × 24/30 = 24 …)', () => {
    const r = scoreSheet(points, { novelty: 24, effect: 35, reach: 20 });
    if (!r.ok) throw new Error('expected a score');
    expect(r.value.score).toBe(79);
    expect(r.value.parts.map((p) => p.part)).toEqual([
      expect.closeTo(24, 12),
      expect.closeTo(35, 12),
      expect.closeTo(20, 12),
    ]);
    expect(r.value.steps).toEqual([
      {
        code: 'innovation.criterion',
        params: { criterion: 'novelty', total: 100, weight: 0.3, score: 24, min: 0, max: 30, part: 24 },
      },
      {
        code: 'innovation.criterion',
        params: { criterion: 'effect', total: 100, weight: 0.4, score: 35, min: 0, max: 40, part: 35 },
      },
      {
        code: 'innovation.criterion',
        params: { criterion: 'reach', total: 100, weight: 0.3, score: 20, min: 0, max: 30, part: 20 },
      },
      { code: 'innovation.sheet', params: { parts: [24, 35, 20], raw: 79 } },
      { code: 'rounding', params: { raw: 79, value: 79, mode: 'half_up', decimals: 2 } },
    ]);
  });
  it('1–10 scales, weights 0.5 / 0.5: 100 × 0.5 × (8 − 1)/9 + 100 × 0.5 × (5.5 − 1)/9 = 38.888… + 25 = 63.89', () => {
    const tenPoint: Rubric = {
      criteria: [
        { code: 'a', name: 'a', weight: 0.5, min: 1, max: 10 },
        { code: 'b', name: 'b', weight: 0.5, min: 1, max: 10 },
      ],
    };
    const r = scoreSheet(tenPoint, { a: 8, b: 5.5 });
    expect(r.ok && r.value.score).toBe(63.89);
    // total 10, one decimal: 10 × (7/18 + 4.5/18) = 6.388… → 6.4
    expect(scoreSheet({ ...tenPoint, total: 10, decimals: 1 }, { a: 8, b: 5.5 })).toMatchObject({
      ok: true,
      value: { score: 6.4 },
    });
  });
  it('coded errors: missing criterion, out of range, not a number, unknown criterion', () => {
    const r = scoreSheet(points, { novelty: 31, effect: Number.NaN, other: 3 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['unknown_criterion', 'other', { criterion: 'other' }],
      ['out_of_range', 'novelty', { criterion: 'novelty', value: 31, min: 0, max: 30 }],
      ['not_a_number', 'effect', { criterion: 'effect' }],
      ['missing_criterion', 'reach', { criterion: 'reach' }],
    ]);
  });
  it('an invalid rubric gives its own issues, not a score', () => {
    const r = scoreSheet({ criteria: [] }, {});
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'required' }] });
  });
  it('the ends of the ranges are allowed: all at max = the total', () => {
    expect(scoreSheet(points, { novelty: 30, effect: 40, reach: 30 })).toMatchObject({
      ok: true,
      value: { score: 100 },
    });
  });
});
