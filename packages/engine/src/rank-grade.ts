import { assignGrades, assignGradesPlain, type GradeCandidate } from './grades';
import { competitionRank } from './rank';
import type { EvalState } from './state';

/**
 * Stages after the totals: competition ranks within each group, grades with their quotas and
 * the veto's effects, the published placement; then the plan's cross-group rankings.
 */
export interface Standing {
  /** Units of each group. */
  byGroup: number[][];
  /** Members of each cross-group ranking of the plan. */
  rankingMembers: number[][];
  vetoDowngrades: boolean;
  vetoNoAdvanced: boolean;
  /** Scratch for the plain grade path (grown on demand). */
  totals: Float64Array;
  levels: Int32Array;
}

export function standingOf(st: EvalState, byGroup: number[][]): Standing {
  const cp = st.cp;
  const nU = st.unitCodes.length;
  const rankingMembers = (cp.plan.rankings ?? []).map((r) => {
    const out: number[] = [];
    for (let u = 0; u < nU; u++) {
      const g = cp.groups[st.unitGroup[u]!]!;
      if ((r.groups ?? []).some((c) => g.chain.includes(c)) || (r.categories ?? []).includes(g.category))
        out.push(u);
    }
    return out;
  });
  const vetoEffects = new Set(cp.plan.veto?.effects ?? []);
  return {
    byGroup,
    rankingMembers,
    vetoDowngrades: vetoEffects.has('downgrade_last'),
    vetoNoAdvanced: vetoEffects.has('no_advanced_title') || vetoEffects.has('exclude_awards'),
    totals: new Float64Array(0),
    levels: new Int32Array(0),
  };
}

/** Ranks, grades and placement of the units of group g. */
export function rankAndGradeGroup(st: EvalState, sd: Standing, g: number): void {
  const plan = st.cp.plan;
  const sortedIds = competitionRank(sd.byGroup[g]!, st.total, st.rank);
  const n = sortedIds.length;
  const { vetoDowngrades, vetoNoAdvanced } = sd;
  const anyVetoEffect = vetoDowngrades || vetoNoAdvanced;
  // No veto effect on any unit and no NaN total (the common case): grades on typed arrays.
  let plain = true;
  if (sd.totals.length < n) {
    sd.totals = new Float64Array(n);
    sd.levels = new Int32Array(n);
  }
  const gTotals = sd.totals;
  const gLevels = sd.levels;
  for (let i = 0; i < n && plain; i++) {
    const u = sortedIds[i]!;
    const t = st.total[u]!;
    if (Number.isNaN(t) || (anyVetoEffect && st.vetoItems[u]!.length > 0)) plain = false;
    gTotals[i] = t;
  }
  if (plain) {
    assignGradesPlain(gTotals, n, plan.grades, gLevels);
    for (let i = 0; i < n; i++) {
      const u = sortedIds[i]!;
      const lv = gLevels[i]!;
      st.level[u] = lv;
      st.naturalLevel[u] = lv;
      st.downgraded[u] = 0;
      st.placement[u] = st.rank[u]!;
    }
    return;
  }
  const cands: GradeCandidate[] = new Array(n);
  let anyVeto = false;
  for (let i = 0; i < n; i++) {
    const u = sortedIds[i]!;
    const vetoed = st.vetoItems[u]!.length > 0;
    if (vetoed && anyVetoEffect) anyVeto = true;
    cands[i] = {
      id: u,
      total: st.total[u]!,
      downgrade: vetoed && vetoDowngrades,
      noAdvanced: vetoed && vetoNoAdvanced,
    };
  }
  const outcomes = assignGrades(cands, plan.grades, plan.veto);
  for (let i = 0; i < n; i++) {
    const o = outcomes[i]!;
    const u = sortedIds[i]!;
    st.level[u] = o.level;
    st.naturalLevel[u] = o.natural;
    st.downgraded[u] = o.downgraded ? 1 : 0;
  }
  // Published order: grade level first, a unit lowered by veto last within its level (W12), then
  // total. Without vetoes the levels follow the totals, so the order is the rank order.
  if (!anyVeto) {
    for (let i = 0; i < n; i++) {
      const u = sortedIds[i]!;
      st.placement[u] = st.rank[u]!;
    }
    return;
  }
  const order = [...sortedIds].sort(
    (a, b) =>
      st.level[a]! - st.level[b]! || st.downgraded[a]! - st.downgraded[b]! || st.total[b]! - st.total[a]!,
  );
  order.forEach((u, i) => {
    const p = i > 0 ? order[i - 1]! : -1;
    const same =
      p >= 0 &&
      st.level[p] === st.level[u] &&
      st.downgraded[p] === st.downgraded[u] &&
      st.total[p] === st.total[u];
    st.placement[u] = same ? st.placement[p]! : i + 1;
  });
}

/** Competition ranks of every cross-group ranking of the plan. */
export function rankCrossings(st: EvalState, sd: Standing): void {
  sd.rankingMembers.forEach((members, i) => {
    competitionRank(members, st.total, st.crossRank[i]!);
  });
}
