import type { GradeLevel, GradeSpec, VetoSpec } from './plan/types';

export interface GradeCandidate {
  id: number;
  total: number;
  /** Veto W12: grade lowered one level and placed last within it. */
  downgrade: boolean;
  /** Veto W5: not eligible for levels flagged `advanced`. */
  noAdvanced: boolean;
}

export interface GradeOutcome {
  /** Level the score alone would give. */
  natural: number;
  /** Level after veto effects. */
  level: number;
  downgraded: boolean;
}

/** Places available for a level in a group of `size` units (W8: at most N % of the group). */
export function quotaOf(level: GradeLevel, size: number, rounding: GradeSpec['quotaRounding']): number {
  let q = Number.POSITIVE_INFINITY;
  if (level.maxShare !== undefined) {
    // Rounded on the decimal value of share × size (0.15 × 20 = 3.0000000000000004 is 3).
    const raw = Math.round(level.maxShare * size * 1e9) / 1e9;
    q = rounding === 'ceil' ? Math.ceil(raw) : rounding === 'round' ? Math.floor(raw + 0.5) : Math.floor(raw);
  }
  if (level.maxCount !== undefined) q = Math.min(q, level.maxCount);
  return q;
}

/**
 * Grade one group. `sorted` is ordered by reported total, best first.
 * Levels are filled best first: a unit needs total ≥ minScore, and quota levels take at most
 * their places. Units tied on the quota edge are all left out ('exclude', the quota is never
 * exceeded) or all let in ('include'). Vetoed units (W12) take their natural level and are then
 * lowered one level; in 'lapse' mode they use up the place they would have had, in
 * 'next_unit' mode the place goes to the next unit. Units placed into a quota level by a
 * downgrade use up its places first.
 */
export function assignGrades(
  sorted: GradeCandidate[],
  spec: GradeSpec,
  veto: VetoSpec | undefined,
): GradeOutcome[] {
  const levels = spec.levels;
  const last = levels.length - 1;
  const n = sorted.length;
  const natural = new Int32Array(n).fill(-1);
  const freedToNext = veto?.freedQuota !== 'lapse';
  let downgradedInto = 0;
  for (let li = 0; li < last; li++) {
    const lv = levels[li]!;
    const min = lv.minScore ?? Number.NEGATIVE_INFINITY;
    const quota = Math.max(0, quotaOf(lv, n, spec.quotaRounding) - downgradedInto);
    const competing: number[] = [];
    const bystanders: number[] = []; // downgraded units that do not take a place (next_unit)
    for (let i = 0; i < n; i++) {
      if (natural[i] !== -1) continue;
      const c = sorted[i]!;
      if (c.total < min) continue;
      // A unit that will be lowered (W12) gets its natural level by score; the downgrade is its penalty.
      if (lv.advanced && c.noAdvanced && !c.downgrade) continue;
      if (c.downgrade && freedToNext) bystanders.push(i);
      else competing.push(i);
    }
    let take = competing.length;
    if (take > quota) {
      take = quota;
      const edge = take > 0 ? sorted[competing[take - 1]!]!.total : Number.NaN;
      if (take > 0 && sorted[competing[take]!]!.total === edge) {
        if (spec.tieAtQuotaEdge === 'include') {
          while (take < competing.length && sorted[competing[take]!]!.total === edge) take++;
        } else {
          while (take > 0 && sorted[competing[take - 1]!]!.total === edge) take--;
        }
      }
    }
    for (let k = 0; k < take; k++) natural[competing[k]!] = li;
    const lowestTaken = take > 0 ? sorted[competing[take - 1]!]!.total : Number.POSITIVE_INFINITY;
    downgradedInto = 0;
    for (const i of bystanders) {
      // It would have made this level had it competed: room left, or better than the last one in.
      if (take < quota || sorted[i]!.total > lowestTaken) natural[i] = li;
    }
    for (let k = 0; k < take; k++) if (sorted[competing[k]!]!.downgrade) downgradedInto++;
    for (const i of bystanders) if (natural[i] === li) downgradedInto++;
  }
  const out: GradeOutcome[] = [];
  for (let i = 0; i < n; i++) {
    const nat = natural[i] === -1 ? last : natural[i]!;
    const c = sorted[i]!;
    const level = c.downgrade ? Math.min(nat + 1, last) : nat;
    out.push({ natural: nat, level, downgraded: c.downgrade && level !== nat });
  }
  return out;
}
