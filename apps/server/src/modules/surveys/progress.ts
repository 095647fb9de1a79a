/**
 * Response progress of a campaign (issue 10 point 9): ballots per rater group and unit against the
 * group's minimum sample, and whether the pace so far reaches it by the close. Pure: no clock.
 */

export interface ProgressCell {
  group: string;
  unit: string;
  n: number;
  minSample: number;
  /** Ballots expected by the close at the pace so far (n / share of the time elapsed). */
  projected: number;
  /** Short now; and short at the close if the pace holds. */
  short: boolean;
  atRisk: boolean;
}

export function campaignProgress(
  groups: readonly { code: string; minSample: number; units: readonly string[] }[],
  counts: ReadonlyMap<string, number>,
  window: { opensAt: Date; closesAt: Date },
  now: Date,
): ProgressCell[] {
  const span = window.closesAt.getTime() - window.opensAt.getTime();
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - window.opensAt.getTime()) / span));
  return groups.flatMap((g) =>
    g.units.map((unit) => {
      const n = counts.get(`${g.code}|${unit}`) ?? 0;
      const projected = elapsed >= 1 ? n : elapsed > 0 ? n / elapsed : 0;
      return {
        group: g.code,
        unit,
        n,
        minSample: g.minSample,
        projected: Math.round(projected * 10) / 10,
        short: n < g.minSample,
        atRisk: n < g.minSample && projected < g.minSample,
      };
    }),
  );
}
