/**
 * The engine's one mean / standard deviation and its one trimmed mean. The z-score method
 * (methods/zscore.ts), CRITIC weights (plan/objective-weights.ts), the expert panel
 * (methods/expert-panel.ts) and the innovation projects' aggregation (innovation/) all call these,
 * so the arithmetic — and its summation order — is written once.
 */

/** σ over n (population) or over n − 1 (sample). */
export type SigmaKind = 'population' | 'sample';

export interface MeanSd {
  mean: number;
  /** The standard deviation; 0 when there is nothing to divide by (n = 0, or n = 1 for `sample`). */
  sd: number;
  n: number;
}

/**
 * mean = Σx ÷ n; sd = √(Σ(x − mean)² ÷ d) with d = n (population) or n − 1 (sample). Sums run in
 * the order given (pass sorted values where the result must not depend on the order). With no
 * values the mean is 0; with d = 0 the sd is 0.
 */
export function meanSd(values: ArrayLike<number>, sigma: SigmaKind = 'population'): MeanSd {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  const div = sigma === 'sample' ? n - 1 : n;
  return { mean, sd: div > 0 ? Math.sqrt(ss / div) : 0, n };
}

export interface TrimmedMean {
  /** The values sorted ascending. */
  sorted: number[];
  /** The values averaged: `sorted` without its `trim` lowest and `trim` highest, or all of it. */
  kept: number[];
  /** kept = sorted.slice(keptFrom, keptTo): which of the sorted values count. */
  keptFrom: number;
  keptTo: number;
  /**
   * Mean of `kept`, summed in ascending order (so the input's order never matters) and held within
   * [first kept, last kept] against float rounding; NaN with no values.
   */
  mean: number;
  /** True when the ends were dropped. */
  trimmed: boolean;
}

/**
 * Trimmed mean (去掉最高分和最低分): sort the values, drop the `trim` lowest and the `trim` highest,
 * and average the rest — but only when there are at least `from` values (default 2·trim + 1, the
 * fewest that leave one); below that every value is averaged and `trimmed` is false. A `from`
 * below 2·trim + 1 is raised to it, so something is always kept.
 */
export function trimmedMean(values: readonly number[], trim: number, from = 2 * trim + 1): TrimmedMean {
  const sorted = [...values].sort((a, b) => a - b);
  const trimmed = trim > 0 && sorted.length >= Math.max(from, 2 * trim + 1);
  const keptFrom = trimmed ? trim : 0;
  const keptTo = trimmed ? sorted.length - trim : sorted.length;
  const kept = sorted.slice(keptFrom, keptTo);
  const n = kept.length;
  let sum = 0;
  for (const v of kept) sum += v;
  // Within the kept values also in floats (three equal values can average an ulp below them).
  const mean = n > 0 ? Math.min(Math.max(sum / n, kept[0]!), kept[n - 1]!) : Number.NaN;
  return { sorted, kept, keptFrom, keptTo, mean, trimmed };
}
