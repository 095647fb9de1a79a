import { quotaCounts } from './grades';
import { EvaluationInputError } from './input';
import type { EvaluationResult, IndicatorResult, UnitResult } from './result';
import { type EvalState, scoreAt } from './state';
import { buildTrace } from './trace';

/** Building result objects from the evaluator's arrays: only when asked for (values stay in typed arrays). */

export function unitResult(st: EvalState, u: number): UnitResult {
  const cp = st.cp;
  const plan = cp.plan;
  const nN = st.nN;
  const g = cp.groups[st.unitGroup[u]!]!;
  const indicators: IndicatorResult[] = cp.nodes.map((n) => {
    const s = scoreAt(st, n.index, u);
    return {
      code: n.code,
      name: n.name,
      kind: n.kind,
      parent: n.parent === cp.root ? null : cp.nodes[n.parent]!.code,
      score: !Number.isNaN(s) ? s : null,
      full: cp.full[g.index * nN + n.index]!,
    };
  });
  const vetoes = st.vetoItems[u]!;
  const effects = new Set(plan.veto?.effects ?? []);
  const vetoed = vetoes.length > 0;
  const lv = plan.grades.levels[st.level[u]!];
  const nat = plan.grades.levels[st.naturalLevel[u]!];
  const ranks: Record<string, number> = {};
  (plan.rankings ?? []).forEach((r, i) => {
    const k = st.crossRank[i]![u]!;
    if (k > 0) ranks[r.code] = k;
  });
  const eligibleForAwards = !(vetoed && effects.has('exclude_awards'));
  const eligibleForAdvanced = eligibleForAwards && !(vetoed && effects.has('no_advanced_title'));
  return {
    unit: st.unitCodes[u]!,
    name: st.unitNames[u],
    group: g.code,
    category: g.category,
    indicators,
    components: indicators.filter((i) => i.kind === 'component'),
    base: st.base[u]!,
    bonus: { raw: st.bonusRaw[u]!, capped: st.bonus[u]!, items: st.bonusItems[u]! },
    deductions: {
      total: st.deduction[u]!,
      items: st.deductionItems[u]!,
      components: [...(st.compDeductions?.byComponent[u] ?? [])].map(([j, points]) => ({
        component: cp.nodes[j]!.code,
        points,
        applied: st.compDeductions!.applied[u]!.get(j) ?? 0,
      })),
    },
    vetoes,
    total: st.total[u]!,
    rank: st.rank[u]!,
    placement: st.placement[u]!,
    ranks,
    grade: lv
      ? {
          code: lv.code,
          name: lv.name,
          color: lv.color,
          natural: nat?.code ?? lv.code,
          downgraded: st.downgraded[u] === 1,
        }
      : null,
    awards: [],
    eligibleForAdvanced,
    eligibleForAwards,
  };
}

export function snapshot(st: EvalState): EvaluationResult {
  const cp = st.cp;
  const plan = cp.plan;
  const units = st.unitCodes.map((_, u) => unitResult(st, u));
  const byCode = new Map(units.map((r) => [r.unit, r]));
  const rankings = (plan.rankings ?? []).map((r) => ({
    code: r.code,
    name: r.name,
    entries: units
      .filter((x) => x.ranks[r.code] !== undefined)
      .map((x) => ({ unit: x.unit, rank: x.ranks[r.code]!, total: x.total }))
      .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit)),
  }));
  // Awards: the top N eligible units by total, ties at the edge included (W13, W5, S15).
  const awards = (plan.awards ?? []).map((a) => {
    const pools: UnitResult[][] = a.ranking
      ? [units.filter((x) => x.ranks[a.ranking!] !== undefined)]
      : groupBy(units, (x) => x.group);
    const winners: string[] = [];
    for (const pool of pools) {
      const eligible = pool.filter((x) => (a.advanced ? x.eligibleForAdvanced : x.eligibleForAwards));
      eligible.sort((p, q) => q.total - p.total);
      const edge = eligible[a.top - 1]?.total;
      for (const x of eligible) if (edge === undefined || x.total >= edge) winners.push(x.unit);
    }
    for (const w of winners) byCode.get(w)!.awards.push(a.code);
    return { code: a.code, name: a.name, units: winners };
  });
  // Quota counts per leaf group with units (W8): places each quota gave, places used.
  const quotas = cp.groups.flatMap((g) => {
    const levels = st.unitCodes.flatMap((_, u) => (st.unitGroup[u] === g.index ? [st.level[u]!] : []));
    if (levels.length === 0) return [];
    return [{ group: g.code, units: levels.length, levels: quotaCounts(plan.grades, levels.length, levels) }];
  });
  return {
    planId: plan.id,
    period: st.period,
    mode: cp.mode,
    decimals: cp.decimals,
    units,
    rankings,
    awards,
    quotas,
    unit: (code) => byCode.get(code),
    trace: (code) => {
      const u = st.unitIndex.get(code);
      if (u === undefined)
        throw new EvaluationInputError([
          { code: 'unknown_unit', unit: code, message: `unit ${code} is not in the unit list` },
        ]);
      return buildTrace(st, u);
    },
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return [...m.values()];
}
