import { describe, expect, it } from 'vitest';
import type { JudgeScore } from './aggregate';
import { checkDispersion, judgeDispersion } from './dispersion';

const panel = (project: string, scores: Record<string, number>): JudgeScore[] =>
  Object.entries(scores).map(([judge, score]) => ({ project, judge, score }));

describe('judges far from their panels', () => {
  // 3 judges < trimAt 5, so the consensus is the plain mean.
  // P: 80, 82, 60 → 74; deviations A +6, B +8, C −14.  Q: 90, 84, 66 → 80; A +10, B +4, C −14.
  // mad: A (6 + 10)/2 = 8, B (8 + 4)/2 = 6, C 14; bias A +8, B +6, C −14.
  // Over the judges: mean mad 28/3 = 9.333…; Σ(mad − mean)² = 16/9 + 100/9 + 196/9 = 312/9; σ = √(104/9) = √104 / 3.
  // z: A = (−4/3) ÷ (√104/3) = −4/√104 = −0.3922322703; B = −10/√104 = −0.9805806757; C = 14/√104 = 1.372812946.
  const scores = [...panel('P', { A: 80, B: 82, C: 60 }), ...panel('Q', { A: 90, B: 84, C: 66 })];

  it('mad, bias and z by hand', () => {
    const r = judgeDispersion(scores);
    expect(r.mean).toBeCloseTo(28 / 3, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(104) / 3, 12);
    expect(r.judges.map((j) => [j.judge, j.n, j.mad, j.bias])).toEqual([
      ['A', 2, 8, 8],
      ['B', 2, 6, 6],
      ['C', 2, 14, -14],
    ]);
    expect(r.judges.map((j) => j.z)).toEqual([
      expect.closeTo(-4 / Math.sqrt(104), 12),
      expect.closeTo(-10 / Math.sqrt(104), 12),
      expect.closeTo(14 / Math.sqrt(104), 12),
    ]);
    expect(r.judges[2]!.deviations).toEqual([
      { project: 'P', score: 60, consensus: 74, deviation: -14 },
      { project: 'Q', score: 66, consensus: 80, deviation: -14 },
    ]);
  });
  it('default threshold 2: nobody (3 judges: z ≤ √2); threshold 1 flags C', () => {
    expect(judgeDispersion(scores).judges.some((j) => j.flagged)).toBe(false);
    const c = judgeDispersion(scores, { threshold: 1 }).judges[2]!;
    expect(c.flagged).toBe(true);
    expect(c.steps).toEqual([
      {
        code: 'innovation.dispersion',
        params: { judge: 'C', n: 2, mad: 14, bias: -14, mean: 9.333333333, sd: 3.399346342, z: 1.372812946 },
      },
      { code: 'innovation.flagged', params: { judge: 'C', z: 1.372812946, threshold: 1 } },
    ]);
  });
  it('the consensus is the trimmed mean from trimAt judges: E’s 30 is dropped from P’s consensus', () => {
    // P: 80, 82, 84, 86, 30 → without 30 and 86: (80 + 82 + 84) / 3 = 82. E deviates by −52.
    const r = judgeDispersion(panel('P', { A: 80, B: 82, C: 84, D: 86, E: 30 }));
    expect(r.judges.map((j) => j.mad)).toEqual([2, 0, 2, 4, 52]);
    // mad mean 60/5 = 12; Σ(mad − 12)² = 100 + 144 + 100 + 64 + 1600 = 2008; σ = √401.6; z_E = 40/√401.6 = 1.996 < 2
    expect(r.judges[4]!.z).toBeCloseTo(40 / Math.sqrt(401.6), 12);
    expect(r.judges[4]!.flagged).toBe(false);
    expect(
      judgeDispersion(panel('P', { A: 80, B: 82, C: 84, D: 86, E: 30 }), { threshold: 1.5 }).judges[4]!
        .flagged,
    ).toBe(true);
  });
  it('all judges equally far: σ = 0, z = 0, nobody flagged', () => {
    const r = judgeDispersion(panel('P', { A: 70, B: 90 }));
    expect(r.judges.map((j) => [j.mad, j.z, j.flagged])).toEqual([
      [10, 0, false],
      [10, 0, false],
    ]);
  });
  it('a threshold that is not a number is refused', () => {
    expect(checkDispersion({ threshold: Number.NaN }).map((i) => i.code)).toEqual(['threshold']);
  });
});
