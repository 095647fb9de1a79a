import type { BonusSource } from './plan/types';
import { toUnits } from './rounding';
import type { EvalState } from './state';

/**
 * Stage after aggregation: the base score (a unit's own, or blended with the units it is linked
 * to), then bonus points within their caps, deductions within theirs, and the total. Vetoes do
 * not change a total: they act on grades and placement (rank-grade.ts).
 */
export interface Adjustments {
  bonusCap: number;
  sourceSpec: Map<string, BonusSource>;
  /** Source unit → linked units whose base uses it. */
  linkTargets: Map<number, number[]>;
  linkOf: Map<number, { unit: number; sources: number[]; share: number }>;
}

export function adjustmentsOf(st: EvalState): Adjustments {
  const plan = st.cp.plan;
  const linkTargets = new Map<number, number[]>();
  for (const l of st.links)
    for (const s of l.sources) linkTargets.set(s, [...(linkTargets.get(s) ?? []), l.unit]);
  return {
    bonusCap: plan.bonus?.cap ?? 0,
    sourceSpec: new Map((plan.bonus?.sources ?? []).map((s) => [s.code, s])),
    linkTargets,
    linkOf: new Map(st.links.map((l) => [l.unit, l])),
  };
}

/** base = own base, or (1 − share) × own + share × mean of the linked units' own bases. */
export function applyLinks(st: EvalState, adj: Adjustments, u: number): void {
  const l = adj.linkOf.get(u);
  if (!l || l.sources.length === 0) st.base[u] = st.ownBase[u]!;
  else {
    let m = 0;
    for (const s of l.sources) m += st.ownBase[s]!;
    m /= l.sources.length;
    st.base[u] = (1 - l.share) * st.ownBase[u]! + l.share * m;
  }
}

/** Bonus, deductions and total of unit u from its base. */
export function finishUnit(st: EvalState, adj: Adjustments, u: number): void {
  const cp = st.cp;
  // Bonus: each source within its own cap, then the shared cap over the shared sources (W9).
  const items = st.bonusItems[u]!;
  let raw = 0;
  let capped = 0;
  if (items.length > 0) {
    const perSource = new Map<string, number>();
    for (const b of items) {
      perSource.set(b.source, (perSource.get(b.source) ?? 0) + b.points);
      raw += b.points;
    }
    let shared = 0;
    let outside = 0;
    for (const [code, pts] of perSource) {
      const s = adj.sourceSpec.get(code)!;
      const v = s.cap !== undefined ? Math.min(s.cap, pts) : pts;
      if (s.outsideSharedCap) outside += v;
      else shared += v;
    }
    capped = Math.max(0, Math.min(adj.bonusCap, shared)) + Math.max(0, outside);
  }
  // Sums of decimal inputs are rounded to the reporting decimals so 2.2 + 3.27 shows as 5.47.
  st.bonusRaw[u] = raw === 0 ? 0 : st.round(raw);
  st.bonus[u] = capped === 0 ? 0 : st.round(capped);
  let d = 0;
  const ds = st.compDeductions?.offTotal[u] ?? st.deductionItems[u]!;
  for (let i = 0; i < ds.length; i++) d += ds[i]!.points;
  const cap = cp.plan.deductions?.cap;
  st.deduction[u] = d === 0 ? 0 : st.round(cap !== undefined ? Math.min(cap, d) : d);
  const b = st.round(st.base[u]!);
  st.base[u] = cp.roundTotal ? b : st.base[u]!;
  if (cp.roundTotal) {
    // base, bonus and deductions are reported decimals: the total is their exact sum in units.
    const m = st.m;
    const tu = toUnits(b, m) + toUnits(st.bonus[u]!, m) - toUnits(st.deduction[u]!, m);
    st.total[u] = tu === 0 ? 0 : tu / m;
  } else st.total[u] = st.base[u]! + st.bonus[u]! - st.deduction[u]!;
}
