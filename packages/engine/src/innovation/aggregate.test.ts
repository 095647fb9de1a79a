import { describe, expect, it } from 'vitest';
import { aggregateProjects, checkAggregation, type JudgeScore } from './aggregate';
import { InnovationInputError } from './shared';

/** Scores of one project from `judges` → entries. */
const panel = (project: string, scores: Record<string, number>): JudgeScore[] =>
  Object.entries(scores).map(([judge, score]) => ({ project, judge, score }));

describe('panel score: trimmed mean', () => {
  const scores = [
    ...panel('P1', { A: 88, B: 92, C: 75, D: 85, E: 90 }),
    ...panel('P2', { A: 80, B: 70, C: 90, D: 84 }),
  ];
  it('5 judges ≥ trimAt 5: drop 75 and 92 → (85 + 88 + 90) / 3 = 87.666… → 87.67', () => {
    const p1 = aggregateProjects(scores).projects[0]!;
    expect(p1).toMatchObject({ project: 'P1', trimmed: true, score: 87.67 });
    expect(p1.mean).toBeCloseTo(263 / 3, 12);
    expect(p1.panel.filter((e) => !e.kept).map((e) => e.judge)).toEqual(['B', 'C']);
    expect(p1.steps).toEqual([
      {
        code: 'innovation.trimmed',
        params: { n: 5, trim: 1, scores: [75, 85, 88, 90, 92], kept: [85, 88, 90], mean: 87.66666667 },
      },
      { code: 'rounding', params: { raw: 87.66666667, value: 87.67, mode: 'half_up', decimals: 2 } },
    ]);
  });
  it('4 judges < trimAt 5: every score counts, (80 + 70 + 90 + 84) / 4 = 81', () => {
    const p2 = aggregateProjects(scores).projects[1]!;
    expect(p2).toMatchObject({ project: 'P2', trimmed: false, score: 81 });
    expect(p2.panel.every((e) => e.kept)).toBe(true);
    expect(p2.steps[0]).toEqual({
      code: 'innovation.untrimmed',
      params: { n: 4, trim: 1, trimAt: 5, scores: [70, 80, 84, 90], mean: 81 },
    });
  });
  it('configurable: trimAt 4, trim 1 trims P2 → (80 + 84) / 2 = 82; trim 0 never trims', () => {
    expect(aggregateProjects(scores, { trimAt: 4 }).projects[1]!.score).toBe(82);
    // P1 untrimmed: (88 + 92 + 75 + 85 + 90) / 5 = 430 / 5 = 86
    expect(aggregateProjects(scores, { trim: 0 }).projects[0]!.score).toBe(86);
    // trim 2 from 5 judges: only 88 is kept
    expect(aggregateProjects(scores, { trim: 2 }).projects[0]!.score).toBe(88);
  });
  it('equal scores at an end: one of them is dropped, the first by judge code at the bottom', () => {
    const p = aggregateProjects(panel('P', { A: 70, B: 70, C: 80, D: 90, E: 90 })).projects[0]!;
    // (70 + 80 + 90) / 3 = 80
    expect(p.score).toBe(80);
    expect(p.panel.map((e) => e.kept)).toEqual([false, true, true, true, false]);
  });
});

describe('normalisation per judge', () => {
  it('a lenient and a harsh judge on disjoint projects: their best projects tie', () => {
    // A: P 90, Q 80 → m = 85, σ = 5; B: R 70, S 60 → m = 65, σ = 5.
    // Pooled over 90, 80, 70, 60: M = 75, S = √((225 + 25 + 25 + 225) / 4) = √125 = 11.18033989.
    // P: z = (90 − 85) / 5 = 1 → 75 + 11.18033989 = 86.18033989 → 86.18; Q: z = −1 → 63.81966011 → 63.82.
    // R: z = (70 − 65) / 5 = 1 → 86.18; S → 63.82. Without normalisation P 90, Q 80, R 70, S 60.
    const scores = [
      ...panel('P', { A: 90 }),
      ...panel('Q', { A: 80 }),
      ...panel('R', { B: 70 }),
      ...panel('S', { B: 60 }),
    ];
    const r = aggregateProjects(scores, { normalise: true });
    expect(r.projects.map((p) => p.score)).toEqual([86.18, 63.82, 86.18, 63.82]);
    expect(r.pooled).toEqual({ mean: 75, sd: Math.sqrt(125), n: 4 });
    expect(r.judges).toEqual([
      {
        judge: 'A',
        n: 2,
        mean: 85,
        sd: 5,
        normalised: true,
        steps: [
          {
            code: 'innovation.judge_scale',
            params: { judge: 'A', n: 2, mean: 85, sd: 5, pooledMean: 75, pooledSd: 11.18033989 },
          },
        ],
      },
      expect.objectContaining({ judge: 'B', mean: 65, sd: 5, normalised: true }),
    ]);
    expect(r.projects[0]!.panel).toEqual([{ judge: 'A', raw: 90, score: 75 + Math.sqrt(125), kept: true }]);
    expect(r.projects[0]!.steps[0]).toEqual({
      code: 'innovation.normalised',
      params: {
        judge: 'A',
        x: 90,
        mean: 85,
        sd: 5,
        z: 1,
        pooledMean: 75,
        pooledSd: 11.18033989,
        score: 86.18033989,
      },
    });
    expect(aggregateProjects(scores).projects.map((p) => p.score)).toEqual([90, 80, 70, 60]);
  });
  it('two judges on the same three projects: equal z, so equal normalised scores', () => {
    // A: 80, 90, 70 → m 80, σ = √(200/3); B: 60, 64, 56 → m 60, σ = √(32/3). z = 0, +√1.5, −√1.5 for both.
    // Pooled: 420 / 6 = 70; Σ(x − 70)² = 100 + 400 + 0 + 100 + 36 + 196 = 832; S = √(832/6).
    // Q: 70 + √(832/6) × √1.5 = 70 + √208 = 84.42220510 → 84.42; R: 70 − √208 = 55.57779490 → 55.58.
    const scores = [
      ...panel('P', { A: 80, B: 60 }),
      ...panel('Q', { A: 90, B: 64 }),
      ...panel('R', { A: 70, B: 56 }),
    ];
    const r = aggregateProjects(scores, { normalise: true });
    expect(r.projects.map((p) => p.score)).toEqual([70, 84.42, 55.58]);
    expect(r.projects[1]!.mean).toBeCloseTo(70 + Math.sqrt(208), 10);
  });
  it('a judge with one score, or with all scores equal, stays as entered and says why', () => {
    // C scored only P; D gave 80 to both. A: 90, 70 (m 80, σ 10). Pooled: 90, 70, 85, 80, 80 → M = 81.
    const scores = [...panel('P', { A: 90, C: 85, D: 80 }), ...panel('Q', { A: 70, D: 80 })];
    const r = aggregateProjects(scores, { normalise: true });
    expect(
      r.judges.map((j) => [j.judge, j.normalised, j.steps[0]!.code, j.steps[0]!.params.unnormalised]),
    ).toEqual([
      ['A', true, 'innovation.judge_scale', undefined],
      ['C', false, 'innovation.not_normalised', 'single_score'],
      ['D', false, 'innovation.not_normalised', 'zero_spread'],
    ]);
    const p = r.projects[0]!;
    expect(p.panel.map((e) => e.score).slice(1)).toEqual([85, 80]);
    expect(p.steps.map((s) => s.code)).toEqual([
      'innovation.normalised',
      'innovation.not_normalised',
      'innovation.not_normalised',
      'innovation.untrimmed',
      'rounding',
    ]);
    expect(p.steps[1]!.params).toEqual({ judge: 'C', n: 1, unnormalised: 'single_score' });
  });
});

describe('input problems are coded', () => {
  it('configuration: trimAt below 2 × trim + 1, negative trim', () => {
    expect(checkAggregation({ trim: 2, trimAt: 4 })).toEqual([
      {
        code: 'trim_at',
        path: 'config.trimAt',
        params: { trimAt: 4, trim: 2 },
        message: 'trimAt must be at least 2 × trim + 1 = 5',
      },
    ]);
    expect(checkAggregation({ trim: -1 }).map((i) => i.path)).toEqual(['config.trim']);
  });
  it('a score twice, a score that is not a number: thrown with every issue', () => {
    const bad = [...panel('P', { A: 80 }), ...panel('P', { A: 81 }), ...panel('Q', { B: Number.NaN })];
    try {
      aggregateProjects(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InnovationInputError);
      expect((e as InnovationInputError).issues.map((i) => [i.code, i.path])).toEqual([
        ['duplicate_score', 'scores[1]'],
        ['not_a_number', 'scores[2].score'],
      ]);
    }
  });
});
