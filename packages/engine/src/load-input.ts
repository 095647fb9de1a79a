import type { CompiledPlan } from './compile';
import { type EvaluationInput, EvaluationInputError, type InputIssue } from './input';
import { elapsedFraction, parsePeriod } from './period';
import { roundDecimal } from './rounding';
import { type EvalState, ensureField, NUM_FIELDS, type NumField } from './state';

/**
 * Check the input against the compiled plan and load it into the evaluator's arrays. Every
 * problem (unknown unit, group, indicator or bonus source, bad number, bad period) is collected
 * and thrown together as one EvaluationInputError.
 */
export function loadInput(cp: CompiledPlan, input: EvaluationInput): EvalState {
  const plan = cp.plan;
  const issues: InputIssue[] = [];
  const period = parsePeriod(input.period);
  if (!period)
    issues.push({
      code: 'bad_period',
      message: `period "${input.period}" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y`,
    });
  const nU = input.units.length;
  const nN = cp.nodes.length;
  const nL = cp.leaves.length;
  const unitIndex = new Map<string, number>();
  const unitGroup = new Int32Array(nU);
  input.units.forEach((u, i) => {
    if (unitIndex.has(u.code))
      issues.push({ code: 'duplicate_unit', unit: u.code, message: `unit ${u.code} is listed twice` });
    unitIndex.set(u.code, i);
    const g = cp.groupByCode.get(u.group);
    if (g === undefined) {
      issues.push({
        code: 'unknown_group',
        unit: u.code,
        message: `unit ${u.code}: group "${u.group}" is not in the plan`,
      });
      return;
    }
    if (plan.groups.some((x) => x.parent === u.group))
      issues.push({
        code: 'not_leaf_group',
        unit: u.code,
        message: `unit ${u.code}: group ${u.group} has subgroups; use a leaf group`,
      });
    if (u.category && u.category !== cp.groups[g]!.category)
      issues.push({
        code: 'category_mismatch',
        unit: u.code,
        message: `unit ${u.code}: category ${u.category} ≠ group ${u.group}'s ${cp.groups[g]!.category}`,
      });
    unitGroup[i] = g;
  });

  const st: EvalState = {
    cp,
    period: input.period,
    elapsedMonth: period ? elapsedFraction(period, 'month') : 1,
    elapsedDay: period ? elapsedFraction(period, 'day') : 1,
    unitCodes: input.units.map((u) => u.code),
    unitNames: input.units.map((u) => u.name),
    unitIndex,
    unitGroup,
    nL,
    nN,
    fields: {
      value: null,
      target: null,
      baseline: null,
      baseValue: null,
      peerValue: null,
      peerBaseValue: null,
    },
    lists: new Map(),
    scores: new Float64Array(nU * nN),
    m: 10 ** cp.decimals,
    unitRow: new Uint8Array(nN),
    ownBase: new Float64Array(nU),
    base: new Float64Array(nU),
    bonusRaw: new Float64Array(nU),
    bonus: new Float64Array(nU),
    deduction: new Float64Array(nU),
    total: new Float64Array(nU),
    rank: new Int32Array(nU),
    placement: new Int32Array(nU),
    level: new Int32Array(nU).fill(-1),
    naturalLevel: new Int32Array(nU).fill(-1),
    downgraded: new Uint8Array(nU),
    crossRank: (plan.rankings ?? []).map(() => new Int32Array(nU)),
    bonusItems: Array.from({ length: nU }, () => []),
    deductionItems: Array.from({ length: nU }, () => []),
    vetoItems: Array.from({ length: nU }, () => []),
    halfYear: new Float64Array(nU).fill(Number.NaN),
    links: [],
    onlyUnitMask: null,
    round: (x) => roundDecimal(x, cp.decimals, cp.roundMode),
    childWeights: [],
    compDeductions: null,
  };
  const field = (f: NumField): Float64Array => ensureField(st, f);
  field('value');

  const leafSlot = (code: string): number => {
    const ni = cp.nodeByCode.get(code);
    return ni === undefined ? -1 : cp.nodes[ni]!.slot;
  };
  const unitOf = (code: string, what: string): number => {
    const u = unitIndex.get(code);
    if (u === undefined)
      issues.push({
        code: 'unknown_unit',
        unit: code,
        message: `${what}: unit ${code} is not in the unit list`,
      });
    return u ?? -1;
  };

  for (const v of input.values) {
    const u = unitOf(v.unit, `value for ${v.indicator}`);
    const slot = leafSlot(v.indicator);
    if (slot < 0)
      issues.push({
        code: 'unknown_indicator',
        unit: v.unit,
        indicator: v.indicator,
        message: `value for unit ${v.unit}: ${v.indicator} is not a scored indicator (leaf or sub-item) of plan ${plan.id}`,
      });
    if (u < 0 || slot < 0) continue;
    const k = slot * nU + u;
    for (const f of NUM_FIELDS) {
      const x = v[f];
      if (x === undefined || x === null) continue;
      if (!Number.isFinite(x)) {
        issues.push({
          code: 'not_a_number',
          unit: v.unit,
          indicator: v.indicator,
          message: `unit ${v.unit}, ${v.indicator}: ${f} is not a finite number`,
        });
        continue;
      }
      field(f)[k] = x;
    }
    if (v.scores) st.lists.set(k, [...v.scores]);
  }
  const bonusSources = new Set((plan.bonus?.sources ?? []).map((s) => s.code));
  for (const b of input.bonuses ?? []) {
    const u = unitOf(b.unit, `bonus ${b.source}`);
    if (!bonusSources.has(b.source))
      issues.push({
        code: 'unknown_bonus_source',
        unit: b.unit,
        message: `bonus for ${b.unit}: source "${b.source}" is not in the plan`,
      });
    else if (u >= 0) st.bonusItems[u]!.push(b);
  }
  for (const d of input.deductions ?? []) {
    const u = unitOf(d.unit, 'deduction');
    if (u >= 0) st.deductionItems[u]!.push(d);
  }
  for (const v of input.vetoes ?? []) {
    const u = unitOf(v.unit, 'veto');
    if (u >= 0) st.vetoItems[u]!.push(v);
  }
  for (const h of input.halfYear ?? []) {
    const u = unitOf(h.unit, 'half-year result');
    if (u >= 0) st.halfYear[u] = h.total;
  }
  for (const l of plan.links ?? []) {
    const u = unitIndex.get(l.unit);
    if (u === undefined) continue; // a linked unit absent from this run is simply not evaluated
    st.links.push({
      unit: u,
      sources: l.sources.map((s) => unitIndex.get(s) ?? -1).filter((x) => x >= 0),
      share: l.share,
    });
  }
  if (cp.hasUnitRestrictions) {
    const mask = new Uint8Array(nU * nN);
    for (const n of cp.nodes) {
      if (!n.onlyUnits) continue;
      for (let u = 0; u < nU; u++)
        if (!n.onlyUnits.has(st.unitCodes[u]!)) markSubtree(cp, mask, nU, u, n.index);
    }
    st.onlyUnitMask = mask;
  }
  if (issues.length > 0) throw new EvaluationInputError(issues);
  return st;
}

function markSubtree(cp: CompiledPlan, mask: Uint8Array, nU: number, u: number, j: number): void {
  mask[j * nU + u] = 1;
  for (const c of cp.nodes[j]!.children) markSubtree(cp, mask, nU, u, c);
}
