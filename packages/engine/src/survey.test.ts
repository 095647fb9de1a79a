import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BallotScore, ratingTo100, type SurveySpec, surveyScores } from './survey';

// Two rater groups (S12): leaders rate A and B (weight 0.4, at least 2 ballots per unit), the
// public rates A, B and C (weight 0.6, at least 3).
const groups = (method: SurveySpec['method']): SurveySpec => ({
  method,
  groups: [
    { code: 'leaders', weight: 0.4, minSample: 2, units: ['A', 'B'] },
    { code: 'public', weight: 0.6, minSample: 3, units: ['A', 'B', 'C'] },
  ],
});
/** One ballot per score, of a group for a unit. */
const rated = (group: string, unit: string, ...scores: number[]): BallotScore[] =>
  scores.map((score) => ({ group, unit, score }));
const ballots: BallotScore[] = [
  ...rated('leaders', 'A', 100, 80),
  ...rated('leaders', 'B', 60),
  ...rated('public', 'A', 80, 60, 40),
  ...rated('public', 'B', 100, 100, 100),
  ...rated('public', 'C', 100, 100, 40),
  // The leaders do not rate C: this ballot counts nowhere.
  ...rated('leaders', 'C', 0),
];
const byUnit = (spec: SurveySpec) => Object.fromEntries(surveyScores(spec, ballots).map((u) => [u.unit, u]));

describe('surveyScores', () => {
  it('mean: each group averages its ballots, groups weigh in by their weights', () => {
    const r = byUnit(groups('mean'));
    // A: leaders (100 + 80) / 2 = 90, public (80 + 60 + 40) / 3 = 60 → 0.4 × 90 + 0.6 × 60 = 72.
    expect(r.A!.groups.map((g) => [g.group, g.n, g.score])).toEqual([
      ['leaders', 2, 90],
      ['public', 3, 60],
    ]);
    expect(r.A!.value).toBeCloseTo(72, 12);
    expect(r.A!.missing).toBeNull();
    expect(r.A!.n).toBe(5);
    // C: only the public rates it, so its weight is all of C's: (100 + 100 + 40) / 3 = 80.
    expect(r.C!.value).toBeCloseTo(80, 12);
    expect(r.C!.groups).toHaveLength(1);
  });

  it('share: the percentage of ballots at or above 60 (满意 + 基本满意)', () => {
    const r = byUnit(groups('share'));
    // A: leaders 2 of 2 = 100 %, public 2 of 3 (80, 60) → 0.4 × 100 + 0.6 × 66.67 = 80.
    expect(r.A!.value).toBeCloseTo(80, 12);
    // C: 2 of 3 → 66.67.
    expect(r.C!.value).toBeCloseTo(200 / 3, 12);
    // A stricter threshold: only 100 counts → A: leaders 1/2 = 50, public 0/3 = 0 → 20.
    expect(byUnit({ ...groups('share'), shareFrom: 100 }).A!.value).toBeCloseTo(20, 12);
  });

  it('a group below its minimum sample makes the value missing and says which group', () => {
    const b = byUnit(groups('mean')).B!;
    expect(b.value).toBeNull();
    expect(b.missing).toBe('below_sample');
    expect(b.groups.find((g) => g.belowSample)).toMatchObject({ group: 'leaders', n: 1, minSample: 2 });
  });

  it('no ballot and no minimum: missing as no_ballots; a group without ballots drops out of the weights', () => {
    const spec: SurveySpec = {
      method: 'mean',
      groups: [
        { code: 'g1', weight: 1, minSample: 0, units: ['X', 'Y'] },
        { code: 'g2', weight: 3, minSample: 0, units: ['X'] },
      ],
    };
    const r = Object.fromEntries(
      surveyScores(spec, [{ group: 'g1', unit: 'X', score: 50 }]).map((u) => [u.unit, u]),
    );
    expect(r.X!.value).toBe(50);
    expect(r.Y).toMatchObject({ value: null, missing: 'no_ballots', n: 0 });
  });

  it('maps a numeric rating to 0–100', () => {
    expect(ratingTo100(5, 1, 5)).toBe(100);
    expect(ratingTo100(1, 1, 5)).toBe(0);
    expect(ratingTo100(4, 1, 5)).toBe(75);
    expect(ratingTo100(7, 1, 10)).toBeCloseTo(66.6667, 4);
  });
});

describe('surveyScores properties', () => {
  const arb = fc.record({
    weights: fc.tuple(
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.double({ min: 0.1, max: 5, noNaN: true }),
    ),
    ballots: fc.array(
      fc.record({
        group: fc.constantFrom('g1', 'g2'),
        unit: fc.constantFrom('A', 'B'),
        score: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
      { maxLength: 40 },
    ),
  });
  const specOf = (w: [number, number], method: SurveySpec['method']): SurveySpec => ({
    method,
    groups: [
      { code: 'g1', weight: w[0], minSample: 1, units: ['A', 'B'] },
      { code: 'g2', weight: w[1], minSample: 1, units: ['A', 'B'] },
    ],
  });

  it('ballot order does not matter, and a value lies between its groups’ scores', () => {
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom<SurveySpec['method']>('mean', 'share'),
        ({ weights, ballots }, method) => {
          const spec = specOf(weights, method);
          const a = surveyScores(spec, ballots);
          const b = surveyScores(spec, [...ballots].reverse());
          for (let i = 0; i < a.length; i++) {
            expect(b[i]!.n).toBe(a[i]!.n);
            if (a[i]!.value === null) expect(b[i]!.value).toBeNull();
            else expect(b[i]!.value).toBeCloseTo(a[i]!.value!, 9);
            const scores = a[i]!.groups.map((g) => g.score).filter((s): s is number => s !== null);
            if (a[i]!.value !== null) {
              expect(a[i]!.value!).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
              expect(a[i]!.value!).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
            }
          }
          // Every ballot is counted exactly once.
          expect(a.reduce((s, u) => s + u.n, 0)).toBe(ballots.length);
        },
      ),
    );
  });
});
