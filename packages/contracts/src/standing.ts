import type { UnitResult } from '@jixiao/engine';

/** A unit's place in an evaluation result: what the live scores and the what-if panel list. */
export interface Standing {
  unit: string;
  name: string;
  group: string;
  total: number;
  rank: number;
  grade: { code: string; name: string; color: string } | null;
}

/** The standing of one unit of an engine result (a unit without a name shows its code). */
export function standingOf(u: UnitResult): Standing {
  return {
    unit: u.unit,
    name: u.name ?? u.unit,
    group: u.group,
    total: u.total,
    rank: u.rank,
    grade: u.grade ? { code: u.grade.code, name: u.grade.name, color: u.grade.color } : null,
  };
}
