import { type CompiledPlan, compilePlan } from './compile';
import { assignGrades, type GradeCandidate } from './grades';
import {
  type BonusInput,
  type DeductionInput,
  type EvaluationInput,
  EvaluationInputError,
  type InputIssue,
  type VetoInput,
} from './input';
import { COLUMNS, type Columns, NEEDS_SCALE } from './methods/columns';
import { KIND_ID, scoreByKind } from './methods/dispatch';
import type { CellField, MethodContext } from './methods/types';
import { newCell } from './methods/types';
import { elapsedFraction, parsePeriod } from './period';
import type { Plan, RoundingMode } from './plan/types';
import { assertValidPlan } from './plan/validate';
import { competitionRank } from './rank';
import type { EvaluationResult, IndicatorResult, UnitResult, UnitTrace } from './result';
import { roundDecimal, roundFast } from './rounding';
import { buildTrace } from './trace';

const NUM_FIELDS = ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const;
type NumField = (typeof NUM_FIELDS)[number];

/** Evaluator internals, shared with the lazy trace builder. */
export interface EvalState {
  cp: CompiledPlan;
  period: string;
  elapsedMonth: number;
  elapsedDay: number;
  unitCodes: string[];
  unitNames: (string | undefined)[];
  unitIndex: Map<string, number>;
  unitGroup: Int32Array;
  nL: number;
  nN: number;
  fields: Record<NumField, Float64Array | null>;
  lists: Map<number, readonly number[]>;
  /** [unit × node] reported scores, NaN = left out. */
  scores: Float64Array;
  ownBase: Float64Array;
  base: Float64Array;
  bonusRaw: Float64Array;
  bonus: Float64Array;
  deduction: Float64Array;
  total: Float64Array;
  rank: Int32Array;
  placement: Int32Array;
  level: Int32Array;
  naturalLevel: Int32Array;
  downgraded: Uint8Array;
  crossRank: Int32Array[];
  bonusItems: BonusInput[][];
  deductionItems: DeductionInput[][];
  vetoItems: VetoInput[][];
  halfYear: Float64Array;
  links: { unit: number; sources: number[]; share: number }[];
  onlyUnitMask: Uint8Array | null;
  round(x: number): number;
}

export interface Evaluator {
  readonly plan: Plan;
  readonly period: string;
  readonly unitCodes: readonly string[];
  /** Full recompute of every unit (values only; traces stay lazy). */
  recompute(): void;
  /** Change one input and recompute only that unit (or its scope, for group-relative methods) plus ranks and grades of its group. */
  setValue(unit: string, indicator: string, value: number | null, field?: NumField): void;
  setScores(unit: string, indicator: string, scores: number[] | null): void;
  /** Bulk load one input field as a [unit × leaf] matrix in unitCodes × leafCodes order (NaN = none). Call recompute() after. */
  setMatrix(field: NumField, data: Float64Array): void;
  readonly leafCodes: readonly string[];
  total(unit: string): number;
  /** Reported totals in unitCodes order (a live view: do not modify). */
  totals(): Float64Array;
  unit(code: string): UnitResult;
  result(): EvaluationResult;
  trace(unit: string): UnitTrace;
}

/** Validate, compile and evaluate a plan for one period: the convenient one-shot form. */
export function evaluate(plan: Plan | CompiledPlan, input: EvaluationInput): EvaluationResult {
  return createEvaluator(plan, input).result();
}

/** The explanation of one unit's numbers (same as result.trace(unit)). */
export function explain(result: EvaluationResult, unit: string): UnitTrace {
  return result.trace(unit);
}

export function createEvaluator(planOrCompiled: Plan | CompiledPlan, input: EvaluationInput): Evaluator {
  let cp: CompiledPlan;
  if ('nodes' in planOrCompiled) cp = planOrCompiled;
  else {
    assertValidPlan(planOrCompiled);
    cp = compilePlan(planOrCompiled);
  }
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
  };
  const field = (f: NumField): Float64Array => {
    let a = st.fields[f];
    if (!a) {
      a = new Float64Array(nU * nL).fill(Number.NaN);
      st.fields[f] = a;
    }
    return a;
  };
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

  // Scope partitions for group-relative methods.
  const byGroup: number[][] = cp.groups.map(() => []);
  for (let u = 0; u < nU; u++) byGroup[unitGroup[u]!]!.push(u);
  const byCategory = new Map<string, number[]>();
  for (let u = 0; u < nU; u++) {
    const c = cp.groups[unitGroup[u]!]!.category;
    const list = byCategory.get(c) ?? [];
    list.push(u);
    byCategory.set(c, list);
  }
  const all = Array.from({ length: nU }, (_, i) => i);
  const allIdx = Int32Array.from(all);
  const scopeOf = (leafNode: number, u: number): number[] => {
    const m = cp.nodes[leafNode]!.method as { scope?: string } | undefined;
    const scope = m?.scope ?? 'group';
    if (scope === 'all') return all;
    if (scope === 'category') return byCategory.get(cp.groups[unitGroup[u]!]!.category)!;
    return byGroup[unitGroup[u]!]!;
  };
  const scopesOf = (leafNode: number): number[][] => {
    const m = cp.nodes[leafNode]!.method as { scope?: string } | undefined;
    const scope = m?.scope ?? 'group';
    if (scope === 'all') return [all];
    if (scope === 'category') return [...byCategory.values()];
    return byGroup;
  };

  const cell = newCell();
  const ctx: MethodContext = { scale: 100, direction: 'higher', dz: 'zero', elapsed: 1, stats: undefined };
  let errors: InputIssue[] = [];
  const { scores, full, weight } = { scores: st.scores, full: cp.full, weight: cp.weight };
  const weighted = cp.mode === 'weighted';

  const applicable = (u: number, j: number): boolean =>
    full[unitGroup[u]! * nN + j]! > 0 && (st.onlyUnitMask === null || st.onlyUnitMask[j * nU + u] === 0);
  const nG = cp.groups.length;
  const dec = cp.decimals;
  const rmode = cp.roundMode;

  /** Score leaf node j for the units in `units` (all units when null). The hot loop: keep it flat. */
  const scoreLeaf = (j: number, units: number[] | null): void => {
    const node = cp.nodes[j]!;
    const def = node.def!;
    const spec = node.method!;
    const kind = KIND_ID[spec.kind];
    const slot = node.slot;
    ctx.direction = node.direction;
    ctx.dz = node.dz;
    ctx.elapsed = (spec as { basis?: string }).basis === 'day' ? st.elapsedDay : st.elapsedMonth;
    ctx.stats = undefined;
    const F = st.fields;
    const fv = F.value!;
    // Only the inputs this method reads are copied into the cell.
    const ins = def.inputs;
    const ft = ins.includes('target') ? F.target : null;
    const fb = ins.includes('baseline') ? F.baseline : null;
    const fbv = ins.includes('baseValue') ? F.baseValue : null;
    const fpv = ins.includes('peerValue') ? F.peerValue : null;
    const fpb = ins.includes('peerBaseValue') ? F.peerBaseValue : null;
    const lists = ins.includes('scores') ? st.lists : null;
    cell.target = Number.NaN;
    cell.baseline = Number.NaN;
    cell.baseValue = Number.NaN;
    cell.peerValue = Number.NaN;
    cell.peerBaseValue = Number.NaN;
    cell.scores = undefined;
    const scaleOf = new Float64Array(nG);
    for (let g = 0; g < nG; g++) scaleOf[g] = full[g * nN + j]!;
    const mask = st.onlyUnitMask;
    const missingZero = node.missing === 'zero';
    const missingError = node.missing === 'error';
    const roundInd = cp.roundIndicator;
    const one = (u: number): void => {
      const at = j * nU + u;
      const scale = scaleOf[unitGroup[u]!]!;
      if (scale <= 0 || (mask !== null && mask[at] === 1)) {
        scores[at] = Number.NaN;
        return;
      }
      const k = slot * nU + u;
      cell.value = fv[k]!;
      if (ft !== null) cell.target = ft[k]!;
      if (fb !== null) cell.baseline = fb[k]!;
      if (fbv !== null) cell.baseValue = fbv[k]!;
      if (fpv !== null) cell.peerValue = fpv[k]!;
      if (fpb !== null) cell.peerBaseValue = fpb[k]!;
      if (lists !== null) cell.scores = lists.get(k);
      ctx.scale = scale;
      let f = scoreByKind(kind, spec, cell, ctx);
      if (Number.isNaN(f)) {
        if (missingZero) f = 0;
        else {
          if (missingError) missingIssue(u, node.code);
          scores[at] = Number.NaN;
          return;
        }
      }
      const s = f * scale;
      scores[at] = roundInd ? roundDecimal(s, dec, rmode) : s;
    };
    const colFn = COLUMNS[spec.kind];
    /**
     * Column path: score `list` (or every unit) in one loop per stage. Inputs are read in place
     * (fields are stored [leaf × unit]) or, for a unit list, gathered first.
     */
    const needsScale = NEEDS_SCALE.has(spec.kind);
    const m = 10 ** dec;
    const column = (list: number[] | null): void => {
      const n = list ? list.length : nU;
      const idx = list ? Int32Array.from(list) : allIdx;
      const ft2 = F.target ?? nanField();
      const fb2 = F.baseline ?? nanField();
      if (list) {
        for (let i = 0; i < n; i++) {
          const k = slot * nU + idx[i]!;
          gv[i] = fv[k]!;
          gt[i] = ft2[k]!;
          gb[i] = fb2[k]!;
        }
        cols.off = 0;
        cols.value = gv;
        cols.target = gt;
        cols.baseline = gb;
      } else {
        cols.off = slot * nU;
        cols.value = fv;
        cols.target = ft2;
        cols.baseline = fb2;
      }
      if (needsScale)
        for (let i = 0; i < n; i++) {
          const u = idx[i]!;
          cols.scale[i] = scaleOf[unitGroup[u]!]!;
        }
      cols.n = n;
      ctx.scale = Number.NaN; // columns read the per-item scale array
      colFn!(spec, ctx, cols);
      const out = cols.out;
      const base = j * nU;
      const fuse = fusing && leafFusable[j] === 1 && !list;
      const pb = innerIdx[nodeParent[j]!]! * nU;
      const wo = j * nG;
      if (missingError)
        for (let i = 0; i < n; i++) {
          const u = idx[i]!;
          if (
            Number.isNaN(out[i]!) &&
            scaleOf[unitGroup[u]!]! > 0 &&
            !(mask !== null && mask[base + u] === 1)
          )
            missingIssue(u, node.code);
        }
      scatterColumn(
        n,
        idx,
        out,
        unitGroup,
        scaleOf,
        mask,
        scores,
        base,
        missingZero,
        roundInd,
        m,
        dec,
        rmode,
        fuse,
        AS,
        AW,
        AM,
        wByNode,
        wo,
        pb,
        weighted,
      );
      if (fuse) fusedNow[j] = 1;
    };
    const run = (list: number[] | null): void => {
      if (colFn) column(list);
      else if (list) for (const u of list) one(u);
      else for (let u = 0; u < nU; u++) one(u);
    };
    if (def.groupRelative) {
      const parts = units ? [units] : scopesOf(j);
      for (const part of parts) {
        const vals: number[] = [];
        for (const u of part) {
          const x = fv[slot * nU + u]!;
          if (!Number.isNaN(x) && applicable(u, j)) vals.push(x);
        }
        ctx.stats = def.prepare!(spec, vals, node.direction);
        run(part);
      }
    } else run(units);
  };
  const missingIssue = (u: number, code: string): void => {
    errors.push({
      code: 'missing_value',
      unit: st.unitCodes[u],
      indicator: code,
      message: `unit ${st.unitCodes[u]}: ${code} has no usable value and its missing-value policy is "error"`,
    });
  };
  const gv = new Float64Array(nU);
  const gt = new Float64Array(nU);
  const gb = new Float64Array(nU);
  let nanArr: Float64Array | null = null;
  const nanField = (): Float64Array => {
    if (!nanArr) nanArr = new Float64Array(nU * nL).fill(Number.NaN);
    return nanArr;
  };
  const cols: Columns = {
    n: 0,
    off: 0,
    value: gv,
    target: gt,
    baseline: gb,
    scale: new Float64Array(nU),
    out: new Float64Array(nU),
  };

  // Node properties as flat arrays for the aggregation loop.
  const nodeSlot = Int32Array.from(cp.nodes, (n) => n.slot);
  const nodeParent = Int32Array.from(cp.nodes, (n) => n.parent);
  const nodeRounds = Uint8Array.from(cp.nodes, (n) =>
    n.slot >= 0 ? 0 : (n.kind === 'component' ? cp.roundComponent : cp.roundNode) ? 1 : 0,
  );
  const accS = new Float64Array(nN + 1);
  const accW = new Float64Array(nN + 1);
  const accMiss = new Uint8Array(nN + 1);
  /** Aggregate a unit bottom-up from its leaf scores; sets ownBase. */
  const inner = [...cp.nodes.filter((n) => n.slot < 0).map((n) => n.index), cp.root];
  const aggregate = (u: number): void => {
    // Only inner nodes accumulate: reset just those.
    for (let i = 0; i < inner.length; i++) {
      const j = inner[i]!;
      accS[j] = 0;
      accW[j] = 0;
      accMiss[j] = 0;
    }
    const gBase = unitGroup[u]! * nN;
    const mask = st.onlyUnitMask;
    for (let j = 0; j < nN; j++) {
      let s: number;
      const w = weight[gBase + j]!;
      const at = j * nU + u;
      if (nodeSlot[j]! >= 0) s = scores[at]!;
      else {
        const aw = accW[j]!;
        // A unit-specific node that does not apply to this unit counts as left out (re-weighted).
        if (aw === 0 || w === 0 || (mask !== null && mask[at] === 1)) s = Number.NaN;
        else {
          s = weighted ? accS[j]! / aw : pointsOf(accS[j]!, aw, full[gBase + j]!);
          if (nodeRounds[j] === 1) s = roundDecimal(s, dec, rmode);
        }
        scores[at] = s;
      }
      if (w > 0) {
        const p = nodeParent[j]!;
        if (!Number.isNaN(s)) {
          accS[p] = accS[p]! + (weighted ? w * s : s);
          accW[p] = accW[p]! + w;
        } else accMiss[p] = 1;
      }
    }
    const root = cp.root;
    const aw = accW[root]!;
    let b = 0;
    if (aw > 0) b = weighted ? accS[root]! / aw : pointsOf(accS[root]!, aw, cp.totalPoints);
    const hy = st.halfYear[u]!;
    if (plan.halfYear && !Number.isNaN(hy)) b = plan.halfYear.weight * hy + (1 - plan.halfYear.weight) * b;
    st.ownBase[u] = b;
  };

  // Column-wise aggregation for the full recompute: node by node over all units, reading and
  // writing contiguous runs. Same operations in the same order as aggregate(u), so the same numbers.
  const innerIdx = new Int32Array(nN + 1).fill(-1);
  inner.forEach((j, i) => {
    innerIdx[j] = i;
  });
  const AS = new Float64Array(inner.length * nU);
  const AW = new Float64Array(inner.length * nU);
  const AM = new Uint8Array(inner.length * nU);
  const wByNode = new Float64Array(nN * nG);
  const fullByNode = new Float64Array(nN * nG);
  for (let j = 0; j < nN; j++)
    for (let g = 0; g < nG; g++) {
      wByNode[j * nG + g] = weight[g * nN + j]!;
      fullByNode[j * nG + g] = full[g * nN + j]!;
    }
  let fusing = false;
  const fusedNow = new Uint8Array(nN);
  // A leaf is folded into its parent while it is scored when all its siblings are column-scored
  // leaves: they then reach the parent in the same order as in aggregate(u), so the same sums.
  const leafFusable = new Uint8Array(nN);
  for (const n of cp.nodes) {
    if (n.slot < 0 || n.parent === cp.root) continue;
    const sibs = cp.nodes[n.parent]!.children;
    if (sibs.every((c) => cp.nodes[c]!.slot >= 0 && COLUMNS[cp.nodes[c]!.method!.kind] !== undefined))
      leafFusable[n.index] = 1;
  }
  const aggregateAll = (): void => {
    const mask = st.onlyUnitMask;
    const ug = unitGroup;
    for (let j = 0; j < nN; j++) {
      const base = j * nU;
      const pb = innerIdx[nodeParent[j]!]! * nU;
      const wo = j * nG;
      if (nodeSlot[j]! >= 0) {
        if (fusedNow[j] === 1) continue;
        for (let u = 0; u < nU; u++) {
          const w = wByNode[wo + ug[u]!]!;
          if (w > 0) {
            const s = scores[base + u]!;
            if (!Number.isNaN(s)) {
              AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
              AW[pb + u] = AW[pb + u]! + w;
            } else AM[pb + u] = 1;
          }
        }
        continue;
      }
      const ib = innerIdx[j]! * nU;
      const rounds = nodeRounds[j] === 1;
      for (let u = 0; u < nU; u++) {
        const w = wByNode[wo + ug[u]!]!;
        const aw = AW[ib + u]!;
        let s: number;
        if (aw === 0 || w === 0 || (mask !== null && mask[base + u] === 1)) s = Number.NaN;
        else {
          const a = AS[ib + u]!;
          s = weighted ? a / aw : pointsOf(a, aw, fullByNode[wo + ug[u]!]!);
          if (rounds) s = roundDecimal(s, dec, rmode);
        }
        scores[base + u] = s;
        if (w > 0) {
          if (!Number.isNaN(s)) {
            AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
            AW[pb + u] = AW[pb + u]! + w;
          } else AM[pb + u] = 1;
        }
      }
    }
    const rb = innerIdx[cp.root]! * nU;
    const hw = plan.halfYear?.weight;
    for (let u = 0; u < nU; u++) {
      const aw = AW[rb + u]!;
      let b = 0;
      if (aw > 0) {
        const a = AS[rb + u]!;
        b = weighted ? a / aw : pointsOf(a, aw, cp.totalPoints);
      }
      const hy = st.halfYear[u]!;
      if (hw !== undefined && !Number.isNaN(hy)) b = hw * hy + (1 - hw) * b;
      st.ownBase[u] = b;
    }
  };

  const bonusCap = plan.bonus?.cap ?? 0;
  const sourceSpec = new Map((plan.bonus?.sources ?? []).map((s) => [s.code, s]));
  const finish = (u: number): void => {
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
        const s = sourceSpec.get(code)!;
        const v = s.cap !== undefined ? Math.min(s.cap, pts) : pts;
        if (s.outsideSharedCap) outside += v;
        else shared += v;
      }
      capped = Math.max(0, Math.min(bonusCap, shared)) + Math.max(0, outside);
    }
    // Sums of decimal inputs are rounded to the reporting decimals so 2.2 + 3.27 shows as 5.47.
    st.bonusRaw[u] = raw === 0 ? 0 : st.round(raw);
    st.bonus[u] = capped === 0 ? 0 : st.round(capped);
    let d = 0;
    const ds = st.deductionItems[u]!;
    for (let i = 0; i < ds.length; i++) d += ds[i]!.points;
    const cap = plan.deductions?.cap;
    st.deduction[u] = d === 0 ? 0 : st.round(cap !== undefined ? Math.min(cap, d) : d);
    const b = st.round(st.base[u]!);
    st.base[u] = cp.roundTotal ? b : st.base[u]!;
    const t = st.base[u]! + st.bonus[u]! - st.deduction[u]!;
    st.total[u] = cp.roundTotal ? st.round(t) : t;
  };

  const linkTargets = new Map<number, number[]>(); // source unit → linked units using it
  for (const l of st.links)
    for (const s of l.sources) linkTargets.set(s, [...(linkTargets.get(s) ?? []), l.unit]);
  const linkOf = new Map(st.links.map((l) => [l.unit, l]));
  const applyBase = (u: number): void => {
    const l = linkOf.get(u);
    if (!l || l.sources.length === 0) st.base[u] = st.ownBase[u]!;
    else {
      let m = 0;
      for (const s of l.sources) m += st.ownBase[s]!;
      m /= l.sources.length;
      st.base[u] = (1 - l.share) * st.ownBase[u]! + l.share * m;
    }
  };

  const rankings = plan.rankings ?? [];
  const rankingMembers = rankings.map((r) => {
    const out: number[] = [];
    for (let u = 0; u < nU; u++) {
      const g = cp.groups[unitGroup[u]!]!;
      if ((r.groups ?? []).some((c) => g.chain.includes(c)) || (r.categories ?? []).includes(g.category))
        out.push(u);
    }
    return out;
  });
  const vetoEffects = new Set(plan.veto?.effects ?? []);
  const rankGroup = (g: number): void => {
    const ids = byGroup[g]!;
    const sortedIds = competitionRank(ids, st.total, st.rank);
    const cands: GradeCandidate[] = sortedIds.map((u) => ({
      id: u,
      total: st.total[u]!,
      downgrade: st.vetoItems[u]!.length > 0 && vetoEffects.has('downgrade_last'),
      noAdvanced:
        st.vetoItems[u]!.length > 0 &&
        (vetoEffects.has('no_advanced_title') || vetoEffects.has('exclude_awards')),
    }));
    const outcomes = assignGrades(cands, plan.grades, plan.veto);
    outcomes.forEach((o, i) => {
      const u = cands[i]!.id;
      st.level[u] = o.level;
      st.naturalLevel[u] = o.natural;
      st.downgraded[u] = o.downgraded ? 1 : 0;
    });
    // Published order: grade level first, a unit lowered by veto last within its level (W12), then
    // total. Without vetoes the levels follow the totals, so the order is the rank order.
    if (!cands.some((c) => c.downgrade || c.noAdvanced)) {
      for (const u of sortedIds) st.placement[u] = st.rank[u]!;
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
  };
  const rankCross = (): void => {
    rankings.forEach((_, i) => {
      competitionRank(rankingMembers[i]!, st.total, st.crossRank[i]!);
    });
  };
  const throwErrors = (): void => {
    if (errors.length > 0) {
      const e = errors;
      errors = [];
      throw new EvaluationInputError(e);
    }
  };

  const recompute = (): void => {
    AS.fill(0);
    AW.fill(0);
    AM.fill(0);
    fusedNow.fill(0);
    fusing = true;
    try {
      for (const j of cp.leaves) scoreLeaf(j, null);
    } finally {
      fusing = false;
    }
    throwErrors();
    aggregateAll();
    for (let u = 0; u < nU; u++) applyBase(u);
    for (let u = 0; u < nU; u++) finish(u);
    for (let g = 0; g < byGroup.length; g++) if (byGroup[g]!.length > 0) rankGroup(g);
    rankCross();
  };

  const afterChange = (changed: number[]): void => {
    for (const u of changed) aggregate(u);
    const touched = new Set<number>(changed);
    for (const u of changed) for (const t of linkTargets.get(u) ?? []) touched.add(t);
    const groups = new Set<number>();
    for (const u of touched) {
      applyBase(u);
      finish(u);
      groups.add(unitGroup[u]!);
    }
    for (const g of groups) rankGroup(g);
    rankCross();
  };

  const resolve = (unit: string, indicator: string): { u: number; j: number } => {
    const u = unitIndex.get(unit);
    const j = cp.nodeByCode.get(indicator);
    const bad: InputIssue[] = [];
    if (u === undefined)
      bad.push({ code: 'unknown_unit', unit, message: `unit ${unit} is not in the unit list` });
    if (j === undefined || cp.nodes[j]!.slot < 0)
      bad.push({
        code: 'unknown_indicator',
        indicator,
        message: `${indicator} is not a scored indicator of plan ${plan.id}`,
      });
    if (bad.length) throw new EvaluationInputError(bad);
    return { u: u!, j: j! };
  };
  const changeCell = (u: number, j: number): void => {
    const node = cp.nodes[j]!;
    const units = node.def!.groupRelative ? scopeOf(j, u) : [u];
    scoreLeaf(j, units);
    throwErrors();
    afterChange(units);
  };

  recompute();

  const self: Evaluator = {
    plan,
    period: input.period,
    unitCodes: st.unitCodes,
    leafCodes: cp.leaves.map((j) => cp.nodes[j]!.code),
    recompute,
    setValue(unit, indicator, value, f = 'value') {
      const { u, j } = resolve(unit, indicator);
      field(f)[cp.nodes[j]!.slot * nU + u] = value === null ? Number.NaN : value;
      changeCell(u, j);
    },
    setScores(unit, indicator, list) {
      const { u, j } = resolve(unit, indicator);
      const k = cp.nodes[j]!.slot * nU + u;
      if (list) st.lists.set(k, [...list]);
      else st.lists.delete(k);
      changeCell(u, j);
    },
    setMatrix(f, data) {
      if (data.length !== nU * nL)
        throw new RangeError(`matrix must have ${nU} × ${nL} = ${nU * nL} entries`);
      // Stored node-major ([leaf × unit]) so the column loops read contiguously.
      const a = field(f);
      for (let u = 0; u < nU; u++) {
        const o = u * nL;
        for (let l = 0; l < nL; l++) a[l * nU + u] = data[o + l]!;
      }
    },
    total: (unit) => st.total[resolve(unit, cp.nodes[cp.leaves[0]!]!.code).u]!,
    totals: () => st.total,
    unit: (code) => unitResult(st, resolve(code, cp.nodes[cp.leaves[0]!]!.code).u),
    trace: (code) => buildTrace(st, resolve(code, cp.nodes[cp.leaves[0]!]!.code).u),
    result: () => snapshot(st),
  };
  return self;
}

function markSubtree(cp: CompiledPlan, mask: Uint8Array, nU: number, u: number, j: number): void {
  mask[j * nU + u] = 1;
  for (const c of cp.nodes[j]!.children) markSubtree(cp, mask, nU, u, c);
}

export function unitResult(st: EvalState, u: number): UnitResult {
  const cp = st.cp;
  const plan = cp.plan;
  const nN = st.nN;
  const g = cp.groups[st.unitGroup[u]!]!;
  const indicators: IndicatorResult[] = cp.nodes.map((n) => {
    const s = st.scores[n.index * st.unitCodes.length + u]!;
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
    deductions: { total: st.deduction[u]!, items: st.deductionItems[u]! },
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

function snapshot(st: EvalState): EvaluationResult {
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
  return {
    planId: plan.id,
    period: st.period,
    mode: cp.mode,
    decimals: cp.decimals,
    units,
    rankings,
    awards,
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

export type { CellField };

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

/**
 * The full-recompute inner loop of one indicator column: full points, missing-value policy,
 * rounding (inline fast path of roundDecimal, same result), and folding into the parent's
 * accumulators. A module-level function with everything passed in, so the JIT keeps all of it
 * in registers (a closure would reload its captured variables on every iteration).
 */
function scatterColumn(
  n: number,
  idx: Int32Array,
  out: Float64Array,
  unitGroup: Int32Array,
  scaleOf: Float64Array,
  mask: Uint8Array | null,
  scores: Float64Array,
  base: number,
  missingZero: boolean,
  roundInd: boolean,
  m: number,
  dec: number,
  rmode: RoundingMode,
  fuse: boolean,
  AS: Float64Array,
  AW: Float64Array,
  AM: Uint8Array,
  wByNode: Float64Array,
  wo: number,
  pb: number,
  weighted: boolean,
): void {
  const halfMode = rmode !== 'down';
  for (let i = 0; i < n; i++) {
    const u = idx[i]!;
    const at = base + u;
    const g = unitGroup[u]!;
    const scale = scaleOf[g]!;
    if (scale <= 0) {
      scores[at] = Number.NaN;
      continue;
    }
    let f = out[i]!;
    if ((mask !== null && mask[at] === 1) || (Number.isNaN(f) && !missingZero)) {
      scores[at] = Number.NaN;
      if (fuse) AM[pb + u] = 1;
      continue;
    }
    if (Number.isNaN(f)) f = 0;
    const sc = f * scale;
    let v = sc;
    if (roundInd) {
      v = roundFast(sc, m, dec, rmode, halfMode);
    }
    scores[at] = v;
    if (fuse) {
      const w = wByNode[wo + g]!;
      if (w > 0) {
        AS[pb + u] = AS[pb + u]! + (weighted ? w * v : v);
        AW[pb + u] = AW[pb + u]! + w;
      }
    }
  }
}

/**
 * Points mode: a node's score is the sum of its children's, re-weighted to the node's full points
 * when the children present carry a different total (some left out, or unit-specific ones added).
 */
export function pointsOf(sum: number, presentFull: number, full: number): number {
  return Math.abs(presentFull - full) <= full * 1e-12 ? sum : (sum * full) / presentFull;
}
