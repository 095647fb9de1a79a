import { roundDecimal } from '../rounding';
import { type MeanSd, meanSd, trimmedMean } from '../stats';
import { cleanSteps, type Step, step } from '../steps';
import { byCode, checkCount, finite, type InnovationIssue, Issues, push, throwIfAny } from './shared';

/**
 * The judges' scores of the innovation projects → one score per project (issue 12 point 5, H10):
 * an optional z-score normalisation per judge, then per project a trimmed mean of its panel.
 *
 * **Normalisation** (`normalise: true`). Let M and S be the mean and the population standard
 * deviation (÷ n) of every score entered (all judges, all projects), and m_j, s_j those of judge
 * j's own scores. Each score x of judge j becomes
 *   x' = M + S × z,  z = (x − m_j) ÷ s_j,
 * i.e. the judge's scores standardised to mean 0 / σ 1 and mapped back onto the pooled mean and
 * σ, so a lenient and a harsh judge count alike and the scores stay on the rubric's scale. x' is
 * not clamped: a judge's extreme score can leave the rubric's range (the mapping is linear, so
 * each judge's order is kept exactly). A judge with a single score, or with every score equal
 * (s_j = 0), cannot be standardised: the scores stay as entered and the explanation says why.
 *
 * **Panel score.** A project judged by n ≥ `trimAt` judges (default 5) drops its `trim` highest
 * and `trim` lowest scores (default 1: 去掉一个最高分和一个最低分) and averages the rest; a smaller
 * panel averages every score. The mean is rounded to `decimals` (default 2, half up): that
 * reported score is what ranking.ts ranks, so float noise never splits a tie.
 *
 * The result does not depend on the order of the scores: every sum runs over sorted values, and
 * projects, judges and panels are listed by code.
 */

/** One judge's score of one project (the judge's sheet, reduced by rubric.ts's scoreSheet). */
export interface JudgeScore {
  project: string;
  judge: string;
  score: number;
}

export interface AggregationConfig {
  /** The panel size from which trimming applies (default 5); at least 2 × trim + 1. */
  trimAt?: number;
  /** Scores dropped at each end (default 1). */
  trim?: number;
  /** Standardise each judge's scores first (default false). */
  normalise?: boolean;
  /** Decimals of the reported project score (default 2). */
  decimals?: number;
}

export const AGGREGATION_DEFAULTS = { trimAt: 5, trim: 1, normalise: false, decimals: 2 } as const;

/** A judge's own statistics and whether the scores were rescaled. */
export interface JudgeScale {
  judge: string;
  n: number;
  mean: number;
  sd: number;
  normalised: boolean;
  steps: Step[];
}

/** One judge's score in a project's panel. */
export interface PanelEntry {
  judge: string;
  /** As entered. */
  raw: number;
  /** As counted: normalised, or as entered. */
  score: number;
  /**
   * False for a score dropped by trimming. Of equal scores at an end, judge code decides which is
   * marked (the mean is the same either way): the first codes at the low end, the last at the top.
   */
  kept: boolean;
}

export interface ProjectScore {
  project: string;
  /** By judge code. */
  panel: PanelEntry[];
  trimmed: boolean;
  /** The panel mean, unrounded. */
  mean: number;
  /** The reported score: mean rounded to `decimals`. */
  score: number;
  steps: Step[];
}

export interface Aggregation {
  /** By project code. */
  projects: ProjectScore[];
  /** By judge code; empty without normalisation. */
  judges: JudgeScale[];
  /** Mean and σ of every score (the normalisation's target); null without normalisation. */
  pooled: MeanSd | null;
}

/** Problems with an aggregation configuration (empty = valid). */
export function checkAggregation(config: AggregationConfig = {}): InnovationIssue[] {
  const issues = new Issues();
  checkCount(issues, 'config.trim', config.trim, 0);
  checkCount(issues, 'config.trimAt', config.trimAt, 1);
  checkCount(issues, 'config.decimals', config.decimals, 0);
  const trim = config.trim ?? AGGREGATION_DEFAULTS.trim;
  const trimAt = config.trimAt ?? AGGREGATION_DEFAULTS.trimAt;
  if (issues.list.length === 0 && trimAt < 2 * trim + 1)
    issues.add('trim_at', 'config.trimAt', `trimAt must be at least 2 × trim + 1 = ${2 * trim + 1}`, {
      trimAt,
      trim,
    });
  return issues.list;
}

/** Problems with the scores: not a number, no project or judge code, one judge scoring a project twice. */
export function checkScores(scores: readonly JudgeScore[]): InnovationIssue[] {
  const issues = new Issues();
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const at = `scores[${i}]`;
    if (!s.project || !s.judge) issues.add('required', at, `score ${i + 1} names no project or no judge`);
    if (!finite(s.score))
      issues.add('not_a_number', `${at}.score`, `${s.judge} on ${s.project}: the score is not a number`, {
        project: s.project,
        judge: s.judge,
      });
    const key = JSON.stringify([s.project, s.judge]);
    if (seen.has(key))
      issues.add('duplicate_score', at, `${s.judge} scored ${s.project} twice`, {
        project: s.project,
        judge: s.judge,
      });
    seen.add(key);
  });
  return issues.list;
}

/** The per-project scores; throws InnovationInputError listing every problem of the input. */
export function aggregateProjects(
  scores: readonly JudgeScore[],
  config: AggregationConfig = {},
): Aggregation {
  throwIfAny([...checkAggregation(config), ...checkScores(scores)]);
  const D = AGGREGATION_DEFAULTS;
  const trimAt = config.trimAt ?? D.trimAt;
  const trim = config.trim ?? D.trim;
  const decimals = config.decimals ?? D.decimals;
  const normalise = config.normalise ?? D.normalise;
  const scale = normalise ? judgeScales(scores) : null;
  const panels = new Map<string, JudgeScore[]>();
  for (const s of scores) push(panels, s.project, s);
  const projects = [...panels.keys()].sort(byCode).map((project) => {
    const steps: Step[] = [];
    const entries = panels
      .get(project)!
      .sort((a, b) => byCode(a.judge, b.judge))
      .map((s) => {
        const counted = scale ? scale.rescale(s, steps) : s.score;
        return { judge: s.judge, raw: s.score, score: counted };
      });
    // Ascending by score, ties by judge code: the order trimming drops from.
    const order = [...entries].sort((a, b) => a.score - b.score || byCode(a.judge, b.judge));
    const t = trimmedMean(
      order.map((e) => e.score),
      trim,
      trimAt,
    );
    const keptJudges = new Set(order.slice(t.keptFrom, t.keptTo).map((e) => e.judge));
    const n = entries.length;
    steps.push(
      t.trimmed
        ? step('innovation.trimmed', { n, trim, scores: t.sorted, kept: t.kept, mean: t.mean })
        : step('innovation.untrimmed', { n, trim, trimAt, scores: t.sorted, mean: t.mean }),
    );
    const score = roundDecimal(t.mean, decimals);
    steps.push(step('rounding', { raw: t.mean, value: score, mode: 'half_up', decimals }));
    return {
      project,
      panel: entries.map((e) => ({ ...e, kept: keptJudges.has(e.judge) })),
      trimmed: t.trimmed,
      mean: t.mean,
      score,
      steps: cleanSteps(steps),
    };
  });
  return { projects, judges: scale?.judges ?? [], pooled: scale?.pooled ?? null };
}

/** Each judge's mean and σ, the pooled ones, and the rescaling of one score (see the file's head). */
function judgeScales(scores: readonly JudgeScore[]) {
  const pooled = meanSd(scores.map((s) => s.score).sort((a, b) => a - b));
  const own = new Map<string, number[]>();
  for (const s of scores) push(own, s.judge, s.score);
  const judges: JudgeScale[] = [...own.keys()].sort(byCode).map((judge) => {
    const xs = own.get(judge)!.sort((a, b) => a - b);
    const st = meanSd(xs);
    // Equal scores are told by comparison, not by σ, which float sums can leave a hair above 0.
    const flat = xs[0] === xs[xs.length - 1];
    const normalised = xs.length >= 2 && !flat;
    const head = normalised
      ? step('innovation.judge_scale', {
          judge,
          n: st.n,
          mean: st.mean,
          sd: st.sd,
          pooledMean: pooled.mean,
          pooledSd: pooled.sd,
        })
      : step('innovation.not_normalised', {
          judge,
          n: st.n,
          unnormalised: xs.length < 2 ? 'single_score' : 'zero_spread',
        });
    return { judge, n: st.n, mean: st.mean, sd: st.sd, normalised, steps: cleanSteps([head]) };
  });
  const byJudge = new Map(judges.map((j) => [j.judge, j]));
  return {
    pooled,
    judges,
    /** x' = M + S × (x − m_j) ÷ s_j, or x for a judge that cannot be standardised; adds its step. */
    rescale(s: JudgeScore, steps: Step[]): number {
      const j = byJudge.get(s.judge)!;
      if (!j.normalised) {
        steps.push({ ...j.steps[0]! });
        return s.score;
      }
      const z = (s.score - j.mean) / j.sd;
      const score = pooled.mean + pooled.sd * z;
      const p = { judge: s.judge, x: s.score, mean: j.mean, sd: j.sd, z };
      steps.push(
        step('innovation.normalised', { ...p, pooledMean: pooled.mean, pooledSd: pooled.sd, score }),
      );
      return score;
    },
  };
}
