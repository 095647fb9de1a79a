import { type RatingCriterion, type RatingScores, ratingCriteria } from '@jixiao/contracts';

/**
 * Rating the lead departments (S14), pure: the mean of each criterion over the units that rated a
 * department, the overall mean (the four criteria weigh the same), and whether it is poor (overall
 * below the round's threshold). A department poor this year and in the previous year's round loses
 * its lead authority for the next cycle. Means are rounded to 2 decimals.
 */
export interface RatingResult {
  raters: number;
  means: Record<RatingCriterion, number | null>;
  overall: number | null;
  poor: boolean;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function rateDepartment(scores: readonly RatingScores[], threshold: number): RatingResult {
  const n = scores.length;
  const means = Object.fromEntries(
    ratingCriteria.map((c) => [c, n ? r2(scores.reduce((s, x) => s + x[c], 0) / n) : null]),
  ) as Record<RatingCriterion, number | null>;
  // The overall is the mean of every score given (the same as the mean of the unrounded means).
  const overall = n
    ? r2(scores.reduce((s, x) => s + ratingCriteria.reduce((t, c) => t + x[c], 0), 0) / (4 * n))
    : null;
  return { raters: n, means, overall, poor: overall !== null && overall < threshold };
}

/** Two poor years running: the department loses its lead authority for the next cycle. */
export const losesLeadAuthority = (poor: boolean, poorLastYear: boolean) => poor && poorLastYear;
