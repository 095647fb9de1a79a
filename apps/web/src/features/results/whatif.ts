/** Pure helpers of the what-if panel: compare a re-evaluation with the stored result. */

export interface Standing {
  unit: string;
  name?: string;
  group: string;
  total: number;
  rank: number;
  grade: { code: string; name: string; color: string } | null;
}

export interface StandingDelta {
  unit: string;
  name: string;
  group: string;
  before: Standing | null;
  after: Standing | null;
  /** after.total − before.total (rounded to 2 decimals). */
  dTotal: number;
  /** Places moved up (positive) or down (negative): before.rank − after.rank. */
  dRank: number;
  gradeChanged: boolean;
}

/** Δ per unit, for the units of `group` (or all), sorted by the new rank; changed units first is up to the caller. */
export function computeDeltas(
  before: readonly Standing[],
  after: readonly Standing[],
  group?: string,
): StandingDelta[] {
  const b = new Map(before.map((s) => [s.unit, s]));
  const a = new Map(after.map((s) => [s.unit, s]));
  const codes = [...new Set([...b.keys(), ...a.keys()])];
  return codes
    .map((unit) => {
      const x = b.get(unit) ?? null;
      const y = a.get(unit) ?? null;
      return {
        unit,
        name: y?.name ?? x?.name ?? unit,
        group: y?.group ?? x?.group ?? '',
        before: x,
        after: y,
        dTotal: x && y ? Math.round((y.total - x.total) * 100) / 100 : 0,
        dRank: x && y ? x.rank - y.rank : 0,
        gradeChanged: !!x && !!y && (x.grade?.code ?? null) !== (y.grade?.code ?? null),
      };
    })
    .filter((d) => group === undefined || d.group === group)
    .sort(
      (p, q) =>
        (p.after?.rank ?? Number.MAX_SAFE_INTEGER) - (q.after?.rank ?? Number.MAX_SAFE_INTEGER) ||
        p.unit.localeCompare(q.unit),
    );
}

/** Units whose total, rank or grade changed. */
export function movedOnly(deltas: readonly StandingDelta[]): StandingDelta[] {
  return deltas.filter((d) => d.dTotal !== 0 || d.dRank !== 0 || d.gradeChanged);
}
