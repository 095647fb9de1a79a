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

/**
 * `assignGrades` for a group with no veto effect on any unit and no NaN total, on typed arrays:
 * `totals[i]` is the reported total of the i-th unit in ranked order (best first); writes each
 * one's level into `level[i]` (natural level = level, nobody downgraded). Without vetoes the
 * units a level competes for are a run of the ranked order — the units after those placed above
 * with total ≥ minScore — so each level takes a prefix of what is left, cut at its quota with
 * the same tie rule; the result is the same as assignGrades' (grades.test.ts compares them).
 */
export function assignGradesPlain(totals: Float64Array, n: number, spec: GradeSpec, level: Int32Array): void {
  const levels = spec.levels;
  const last = levels.length - 1;
  let start = 0;
  for (let li = 0; li < last && start < n; li++) {
    const lv = levels[li]!;
    const min = lv.minScore ?? Number.NEGATIVE_INFINITY;
    const quota = Math.max(0, quotaOf(lv, n, spec.quotaRounding));
    let end = start;
    while (end < n && !(totals[end]! < min)) end++;
    const competing = end - start;
    let take = competing;
    if (take > quota) {
      take = quota;
      if (take > 0) {
        const edge = totals[start + take - 1]!;
        if (totals[start + take]! === edge) {
          if (spec.tieAtQuotaEdge === 'include') {
            while (take < competing && totals[start + take]! === edge) take++;
          } else {
            while (take > 0 && totals[start + take - 1]! === edge) take--;
          }
        }
      }
    }
    for (let k = 0; k < take; k++) level[start + k] = li;
    start += take;
  }
  for (let i = start; i < n; i++) level[i] = last;
}

/** One quota level of one group: the places its quota gave and how many units hold it. */
export interface QuotaCount {
  level: string;
  name: string;
  /** Places the quota gives this group (maxShare × size rounded, and/or maxCount). */
  places: number;
  /** Units whose final grade is this level (after vetoes; 'include' ties may exceed places). */
  used: number;
}

/**
 * Quota counts of one group of `size` units (W8: 优秀 at most N % of each group): every level
 * with a quota (maxShare or maxCount), in plan order. `levelOf` holds each unit's final level
 * index.
 */
export function quotaCounts(spec: GradeSpec, size: number, levelOf: Iterable<number>): QuotaCount[] {
  const held = new Map<number, number>();
  for (const li of levelOf) held.set(li, (held.get(li) ?? 0) + 1);
  const out: QuotaCount[] = [];
  spec.levels.forEach((lv, li) => {
    if (lv.maxShare === undefined && lv.maxCount === undefined) return;
    out.push({
      level: lv.code,
      name: lv.name,
      places: quotaOf(lv, size, spec.quotaRounding),
      used: held.get(li) ?? 0,
    });
  });
  return out;
}
