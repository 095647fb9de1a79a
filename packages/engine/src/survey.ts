/**
 * Satisfaction evaluation (社会评议, rules S12 / W11 / H7 / Z2): from the ballots of a closed campaign
 * to one survey value per unit, 0–100, which the plan's survey indicators then score like any other
 * data. Pure: the ballots arrive already reduced to one 0–100 score per (ballot, rated unit).
 *
 * Per unit and rater group: `mean` averages the ballot scores; `share` is the percentage of ballots
 * at or above `shareFrom` (满意 + 基本满意 when those answers map to 100 and 80 and `shareFrom` is 60).
 * Across groups: the weighted mean over the groups that rate the unit, weights renormalised to
 * those groups. A group below its minimum sample makes the unit's value missing (the plan's
 * missing-value policy then decides its score), and the result says which group and by how much.
 */

export type SurveyMethod = 'mean' | 'share';

export interface RaterGroupSpec {
  code: string;
  weight: number;
  /** Ballots each rated unit needs from this group before the group's score counts. */
  minSample: number;
  /** The units this group rates (a unit a group does not rate takes no part in its weight). */
  units: readonly string[];
}

export interface BallotScore {
  group: string;
  unit: string;
  /** 0–100: the mean of the ballot's scored answers about this unit. */
  score: number;
}

export interface SurveySpec {
  method: SurveyMethod;
  /** `share`: the ballot score that counts as satisfied. Default 60. */
  shareFrom?: number;
  groups: readonly RaterGroupSpec[];
}

export interface GroupSatisfaction {
  group: string;
  weight: number;
  /** Ballots received for this unit from this group. */
  n: number;
  minSample: number;
  /** The group's score for the unit, 0–100; null with no ballot. */
  score: number | null;
  belowSample: boolean;
}

export interface UnitSatisfaction {
  unit: string;
  groups: GroupSatisfaction[];
  /** The weighted value fed to the plan; null when missing (see `missing`). */
  value: number | null;
  /** Why the value is missing: a group below its minimum sample, or no ballot at all. */
  missing: 'below_sample' | 'no_ballots' | null;
  /** Ballots over all groups. */
  n: number;
}

export function surveyScores(spec: SurveySpec, ballots: readonly BallotScore[]): UnitSatisfaction[] {
  const shareFrom = spec.shareFrom ?? 60;
  // sums[group][unit] = [ballots, Σ score, satisfied]
  const sums = new Map<string, Map<string, [number, number, number]>>();
  for (const g of spec.groups) sums.set(g.code, new Map(g.units.map((u) => [u, [0, 0, 0]])));
  for (const b of ballots) {
    const cell = sums.get(b.group)?.get(b.unit);
    if (!cell) continue; // a ballot about a unit its group does not rate has no weight anywhere
    cell[0] += 1;
    cell[1] += b.score;
    if (b.score >= shareFrom) cell[2] += 1;
  }
  const units = [...new Set(spec.groups.flatMap((g) => g.units))].sort();
  return units.map((unit) => {
    const groups: GroupSatisfaction[] = [];
    for (const g of spec.groups) {
      const cell = sums.get(g.code)!.get(unit);
      if (!cell) continue;
      const [n, total, satisfied] = cell;
      const score = n === 0 ? null : spec.method === 'mean' ? total / n : (100 * satisfied) / n;
      groups.push({
        group: g.code,
        weight: g.weight,
        n,
        minSample: g.minSample,
        score,
        belowSample: n < g.minSample,
      });
    }
    const n = groups.reduce((s, g) => s + g.n, 0);
    if (groups.some((g) => g.belowSample)) return { unit, groups, value: null, missing: 'below_sample', n };
    // A group with no minimum and no ballot drops out of the weighting rather than counting as 0.
    const counted = groups.filter((g) => g.score !== null && g.weight > 0);
    const w = counted.reduce((s, g) => s + g.weight, 0);
    if (w === 0) return { unit, groups, value: null, missing: 'no_ballots', n };
    const value = counted.reduce((s, g) => s + g.weight * g.score!, 0) / w;
    return { unit, groups, value, missing: null, n };
  });
}

/** A rating answer on a numeric scale mapped to 0–100: (v − min) / (max − min) × 100. */
export function ratingTo100(v: number, min: number, max: number): number {
  return ((v - min) / (max - min)) * 100;
}
