import type { MethodContext, Tracer } from './methods/types';
import { newCell } from './methods/types';
import type { RoundingMode } from './plan/types';
import type { TraceNode, TraceStep, UnitTrace } from './result';
import { cleanNumber, formatDecimal, roundDecimal } from './rounding';
import { pointsOf } from './scatter';
import { type EvalState, scoreAt } from './state';
import { nodeSettings, productSumOf, productsOf } from './trace-settings';

/**
 * Build the explanation of one unit on demand. Leaf scores are recomputed through the very
 * same method functions with a tracer attached; aggregates are re-derived from the stored
 * (rounded) child scores with the same formulas the evaluator uses, so every number in the
 * trace can be reproduced by hand from the numbers above it.
 */
export function buildTrace(st: EvalState, u: number): UnitTrace {
  const cp = st.cp;
  const plan = cp.plan;
  const nN = st.nN;
  const g = cp.groups[st.unitGroup[u]!]!;
  const gBase = g.index * nN;
  const weighted = cp.mode === 'weighted';
  const dec = cp.decimals;
  const rule = `${cp.roundMode} to ${dec} decimals`;
  const nU = st.unitCodes.length;
  const masked = (v: number, j: number) => st.onlyUnitMask !== null && st.onlyUnitMask[j * nU + v] === 1;
  const applicable = (v: number, j: number) => cp.full[st.unitGroup[v]! * nN + j]! > 0 && !masked(v, j);
  const fmt = formatDecimal;
  const rmode = cp.roundMode;
  /** `raw → reported (rule)`: raw shown with as few digits as still round to the reported value. */
  const roundingText = (raw: number, stored: number): string =>
    `${rawDigits(raw, stored, dec, rmode)} → ${fmtScore(stored, true, dec)} (${rule})`;

  const leaf = (j: number): TraceNode => {
    const n = cp.nodes[j]!;
    const scale = cp.full[gBase + j]!;
    const stored = scoreAt(st, j, u);
    const tr: Tracer = { formula: '', vars: {}, notes: [] };
    const base: TraceNode = {
      code: n.code,
      name: n.name,
      kind: n.kind,
      full: scale,
      weight: cp.weight[gBase + j]!,
      score: !Number.isNaN(stored) ? stored : null,
      raw: null,
      method: n.method?.kind,
      fraction: null,
      formula: '',
      vars: tr.vars,
      notes: tr.notes,
      rounding: null,
      children: [],
    };
    if (!applicable(u, j)) {
      base.formula = 'not applicable to this unit: left out, siblings re-weighted';
      return base;
    }
    const k = n.slot * nU + u;
    const cell = newCell();
    for (const f of ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const) {
      const a = st.fields[f];
      if (a) cell[f] = a[k]!;
    }
    cell.scores = st.lists.get(k);
    const spec = n.method!;
    const ctx: MethodContext = {
      scale,
      direction: n.direction,
      dz: n.dz,
      elapsed: (spec as { basis?: string }).basis === 'day' ? st.elapsedDay : st.elapsedMonth,
      stats: undefined,
    };
    if (n.def!.groupRelative) {
      const scope = (spec as { scope?: string }).scope ?? 'group';
      const vals: number[] = [];
      for (let v = 0; v < st.unitCodes.length; v++) {
        const gv = cp.groups[st.unitGroup[v]!]!;
        const inScope =
          scope === 'all' || (scope === 'category' ? gv.category === g.category : gv.index === g.index);
        const x = st.fields.value![n.slot * nU + v]!;
        if (inScope && !Number.isNaN(x) && applicable(v, j)) vals.push(x);
      }
      ctx.stats = n.def!.prepare!(spec, vals, n.direction);
      tr.notes.push(`scope: ${scope} (${vals.length} units with values)`);
    }
    let f = n.def!.score(spec, cell, ctx, tr);
    finiteVars(tr);
    if (Number.isNaN(f)) {
      tr.notes.push(`missing-value policy: ${n.missing}`);
      if (n.missing !== 'zero') {
        base.formula = `${tr.formula}; left out (${n.missing})`;
        return base;
      }
      f = 0;
    }
    const raw = f * scale;
    base.fraction = f;
    base.raw = raw;
    base.formula = `${tr.formula}; score = f × ${fmt(scale)}`;
    base.vars.f = f;
    for (const [k, v] of Object.entries(base.vars)) if (typeof v === 'number') base.vars[k] = cleanNumber(v);
    base.rounding = cp.roundIndicator ? roundingText(raw, stored) : null;
    return base;
  };

  const inner = (j: number): TraceNode => {
    const n = cp.nodes[j]!;
    const children = n.children.map(node);
    const stored = scoreAt(st, j, u);
    const res: TraceNode = {
      code: n.code,
      name: n.name,
      kind: n.kind,
      full: cp.full[gBase + j]!,
      weight: cp.weight[gBase + j]!,
      score: !Number.isNaN(stored) ? stored : null,
      raw: null,
      formula: '',
      vars: {},
      notes: [],
      rounding: null,
      children,
    };
    const agg = aggregateText(children, weighted, res.full, dec);
    res.formula = agg.formula;
    res.raw = agg.raw;
    if (agg.reweighted)
      res.notes.push('children present do not carry the full points or weights: re-weighted over them');
    // Plan settings (issue 9 point 8): weights from the data, rounded products, component deductions.
    Object.assign(res, nodeSettings(st, j, u));
    if (res.products) res.raw = productSumOf(res.products, dec);
    const rounds = n.kind === 'component' ? cp.roundComponent : cp.roundNode;
    if (rounds && !res.products && agg.raw !== null)
      res.rounding = roundingText(agg.raw, res.deductions?.before ?? stored);
    return res;
  };
  const node = (j: number): TraceNode => (cp.nodes[j]!.slot >= 0 ? leaf(j) : inner(j));

  const components = cp.nodes.filter((n) => n.parent === cp.root).map((n) => node(n.index));
  const top = aggregateText(components, weighted, cp.totalPoints, dec);
  let baseFormula = `base = ${top.formula}`;
  const products = cp.roundProduct ? productsOf(st, cp.rootChildren, u) : undefined;
  let baseRaw = products ? productSumOf(products, dec) : (top.raw ?? 0);
  const hy = st.halfYear[u]!;
  if (plan.halfYear && !Number.isNaN(hy)) {
    baseFormula += `; with half-year (S9): ${fmt(plan.halfYear.weight)} × ${fmt(hy)} + ${fmt(1 - plan.halfYear.weight)} × ${fmt(baseRaw)}`;
    baseRaw = plan.halfYear.weight * hy + (1 - plan.halfYear.weight) * baseRaw;
  }
  const link = st.links.find((l) => l.unit === u);
  if (link && link.sources.length > 0) {
    const srcs = link.sources.map((s) => `${st.unitCodes[s]}: ${fmt(st.ownBase[s]!)}`).join(', ');
    const mean = link.sources.reduce((a, s) => a + st.ownBase[s]!, 0) / link.sources.length;
    const own = fmt(1 - link.share);
    const sh = fmt(link.share);
    baseFormula += `; linked (S1): ${own} × ${fmt(baseRaw)} + ${sh} × mean(${srcs}) = ${own} × ${fmt(baseRaw)} + ${sh} × ${fmt(mean)}`;
    baseRaw = (1 - link.share) * baseRaw + link.share * mean;
  }
  const baseStep: TraceStep = {
    formula: baseFormula,
    raw: baseRaw,
    value: st.base[u]!,
    rounding: cp.roundTotal ? roundingText(baseRaw, st.base[u]!) : null,
    ...(products ? { products } : {}),
  };
  const bonusItems = st.bonusItems[u]!;
  const cap = plan.bonus?.cap ?? 0;
  const bonus = {
    items: bonusItems,
    formula: bonusItems.length
      ? `min(${fmt(cap)}, ${bonusItems.map((b) => `${fmt(b.points)} (${b.source})`).join(' + ')}) — per-source caps first; shared cap ${fmt(cap)}`
      : 'no bonus',
    raw: st.bonusRaw[u]!,
    capped: st.bonus[u]!,
  };
  const dItems = st.deductionItems[u]!;
  const deductions = {
    items: dItems,
    formula: dItems.length
      ? `${dItems.map((d) => `${fmt(d.points)} (${d.reason})`).join(' + ')}${plan.deductions?.cap !== undefined ? `, capped at ${fmt(plan.deductions.cap)}` : ''}`
      : 'no deductions',
    total: st.deduction[u]!,
  };
  const totalRaw = st.base[u]! + st.bonus[u]! - st.deduction[u]!;
  const total: TraceStep = {
    formula: `total = base + bonus − deductions = ${fmtScore(st.base[u]!, cp.roundTotal, dec)} + ${fmtScore(st.bonus[u]!, true, dec)} − ${fmtScore(st.deduction[u]!, true, dec)}`,
    raw: totalRaw,
    value: st.total[u]!,
    rounding: cp.roundTotal ? roundingText(totalRaw, st.total[u]!) : null,
  };
  const lv = plan.grades.levels[st.level[u]!];
  const nat = plan.grades.levels[st.naturalLevel[u]!];
  const vetoes = st.vetoItems[u]!;
  let grade = lv ? `${lv.name} (${lv.code})` : 'none';
  if (lv && nat && st.downgraded[u] === 1)
    grade += `: by score ${nat.name}, lowered one level by veto (${vetoes.map((v) => v.event).join(', ')}) and placed last within ${lv.name} (W12)`;
  return {
    unit: st.unitCodes[u]!,
    group: g.code,
    category: g.category,
    period: st.period,
    planId: plan.id,
    mode: cp.mode,
    rounding: {
      decimals: dec,
      mode: cp.roundMode,
      stages: plan.rounding?.stages ?? ['indicator', 'total'],
    },
    components,
    base: baseStep,
    bonus,
    deductions,
    vetoes,
    total,
    rank: `competition rank ${st.rank[u]} in group ${g.code} on reported totals; published placement ${st.placement[u]}`,
    grade,
  };
}

/**
 * Traces travel as JSON, which has no NaN or ±Infinity. An intermediate that overflowed (a growth
 * rate over a base value near zero, say) is shown as "unbounded" / "-unbounded" with a note; the
 * method's fraction itself is clamped and stays finite.
 */
function finiteVars(tr: Tracer): void {
  for (const [k, v] of Object.entries(tr.vars)) {
    if (typeof v !== 'number' || Number.isFinite(v)) continue;
    tr.vars[k] = Number.isNaN(v) ? null : v > 0 ? 'unbounded' : '-unbounded';
    tr.notes.push(`${k} is not a finite number: shown as ${tr.vars[k] ?? 'null'}`);
  }
}

/** A reported score: with the plan's decimals when that stage rounds, else as a clean raw decimal. */
function fmtScore(x: number, rounded: boolean, dec: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return rounded ? (x === 0 ? 0 : x).toFixed(dec) : formatDecimal(x);
}

/**
 * A raw value for a rounding step: 10 significant digits, or more in the rare case where the
 * shorter form would round (by hand) to a different reported value than the engine's.
 */
function rawDigits(raw: number, stored: number, dec: number, mode: RoundingMode): string {
  for (const sig of [10, 12, 15, 17]) {
    const s = formatDecimal(raw, sig);
    if (roundDecimal(Number(s), dec, mode) === stored) return s;
  }
  return formatDecimal(raw, 17);
}

function aggregateText(
  children: TraceNode[],
  weighted: boolean,
  full: number,
  dec: number,
): { formula: string; raw: number | null; reweighted: boolean } {
  const present = children.filter((c) => c.weight > 0 && c.score !== null);
  const counted = children.filter((c) => c.weight > 0);
  const reweighted = present.length < counted.length;
  // A child's score is a reported (rounded) number when its stage rounds (its rounding step is set).
  const sc = (c: TraceNode): string => fmtScore(c.score!, c.rounding !== null, dec);
  const fmt = formatDecimal;
  if (present.length === 0) return { formula: 'all children left out', raw: null, reweighted };
  // As the evaluator does: in units of 10^-decimals, where reported scores are exact integers.
  const m = 10 ** dec;
  const units = (c: TraceNode): number => {
    const y = c.score! * m;
    const r = Math.round(y);
    return c.rounding !== null || (c.children.length > 0 && Math.abs(y - r) <= Math.abs(y) * 1e-12) ? r : y;
  };
  if (weighted) {
    const sw = present.reduce((a, c) => a + c.weight, 0);
    const s = present.reduce((a, c) => a + c.weight * units(c), 0) / sw / m;
    return {
      formula: `Σ w·s / Σ w = (${present.map((c) => `${fmt(c.weight)} × ${sc(c)}`).join(' + ')}) / ${fmt(sw)}`,
      raw: s,
      reweighted,
    };
  }
  const sumU = present.reduce((a, c) => a + units(c), 0);
  const sum = sumU / m;
  const fw = present.reduce((a, c) => a + c.weight, 0);
  const rawU = pointsOf(sumU, fw, full);
  const raw = rawU === sumU ? sum : rawU / m;
  if (rawU === sumU) return { formula: `Σ = ${present.map(sc).join(' + ')}`, raw: sum, reweighted };
  return {
    formula: `(${present.map(sc).join(' + ')}) × ${fmt(full)} / ${fmt(fw)} (re-weighted)`,
    raw,
    reweighted: true,
  };
}
