import { cleanNumber } from '../rounding';
import { meanSd } from '../stats';
import { cleanSteps, type Step, step } from '../steps';
import {
  AGGREGATION_DEFAULTS,
  type AggregationConfig,
  aggregateProjects,
  type JudgeScore,
} from './aggregate';
import { byCode, finite, type InnovationIssue, Issues, push, throwIfAny } from './shared';

/**
 * Judges far from their panels (issue 12 point 5's dispersion view). Each project's consensus is
 * its panel's trimmed mean of the scores as entered (aggregate.ts with the same `trimAt` / `trim`,
 * no normalisation; the judge's own score is part of it, as in the published score). For judge j
 * over the n_j projects j scored:
 *   deviation d = x − consensus;  bias_j = mean of d (+ lenient, − harsh);
 *   mad_j = mean of |d| (mean absolute deviation);
 *   z_j = (mad_j − mean of all mad) ÷ σ of all mad (population σ; z = 0 for all when σ = 0).
 * mad and bias are kept to 10 significant digits (as trace numbers are), so judges equally far
 * from their panels are equal, not apart by float noise that z would blow up.
 * A judge is flagged when z_j > `threshold` (default 2: more than two standard deviations further
 * from the panels than the judges' average). With J judges z can reach at most √(J − 1), so a pool
 * of five or fewer is never flagged at 2: use a lower threshold for small pools.
 */

export interface DispersionConfig extends Pick<AggregationConfig, 'trimAt' | 'trim'> {
  /** z above which a judge is flagged (default 2). */
  threshold?: number;
}

export const DISPERSION_THRESHOLD = 2;

export interface Deviation {
  project: string;
  score: number;
  consensus: number;
  deviation: number;
}

export interface JudgeDispersion {
  judge: string;
  /** Projects scored. */
  n: number;
  mad: number;
  bias: number;
  z: number;
  flagged: boolean;
  /** By project code. */
  deviations: Deviation[];
  steps: Step[];
}

export interface Dispersion {
  threshold: number;
  /** Mean and σ of the judges' mad. */
  mean: number;
  sd: number;
  /** By judge code. */
  judges: JudgeDispersion[];
}

/** Problems with a dispersion configuration (the trimming's are aggregate.ts's). */
export function checkDispersion(config: DispersionConfig = {}): InnovationIssue[] {
  const issues = new Issues();
  if (config.threshold !== undefined && !finite(config.threshold))
    issues.add('threshold', 'config.threshold', 'threshold must be a number', {});
  return issues.list;
}

const ascending = (xs: number[]) => xs.sort((a, b) => a - b);

/** Each judge's distance from the panels; throws InnovationInputError on bad input. */
export function judgeDispersion(scores: readonly JudgeScore[], config: DispersionConfig = {}): Dispersion {
  throwIfAny(checkDispersion(config));
  const threshold = config.threshold ?? DISPERSION_THRESHOLD;
  const trim = config.trim ?? AGGREGATION_DEFAULTS.trim;
  const trimAt = config.trimAt ?? AGGREGATION_DEFAULTS.trimAt;
  const consensus = new Map(
    aggregateProjects(scores, { trim, trimAt }).projects.map((p) => [p.project, p.mean]),
  );
  const own = new Map<string, Deviation[]>();
  for (const s of scores) {
    const c = consensus.get(s.project)!;
    const d = { project: s.project, score: s.score, consensus: c, deviation: s.score - c };
    push(own, s.judge, d);
  }
  const judges = [...own.keys()].sort(byCode).map((judge) => {
    const deviations = own.get(judge)!.sort((a, b) => byCode(a.project, b.project));
    const mad = cleanNumber(meanSd(ascending(deviations.map((d) => Math.abs(d.deviation)))).mean);
    const bias = cleanNumber(meanSd(ascending(deviations.map((d) => d.deviation))).mean);
    return { judge, n: deviations.length, mad, bias, deviations };
  });
  const mads = ascending(judges.map((j) => j.mad));
  const all = meanSd(mads);
  // Equal mads are told by comparison: their σ from float sums may be a hair above 0.
  const spread = mads.length > 0 && mads[0]! < mads[mads.length - 1]!;
  return {
    threshold,
    mean: all.mean,
    sd: all.sd,
    judges: judges.map((j) => {
      const z = spread ? (j.mad - all.mean) / all.sd : 0;
      const flagged = z > threshold;
      const steps = [
        step('innovation.dispersion', {
          judge: j.judge,
          n: j.n,
          mad: j.mad,
          bias: j.bias,
          mean: all.mean,
          sd: all.sd,
          z,
        }),
      ];
      if (flagged) steps.push(step('innovation.flagged', { judge: j.judge, z, threshold }));
      return { ...j, z, flagged, steps: cleanSteps(steps) };
    }),
  };
}
