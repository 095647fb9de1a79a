import { adjustmentsOf, applyLinks, finishUnit } from './adjust';
import { addLaterWeights, aggregateAll, aggregateUnit } from './aggregate';
import { setupComponentDeductions } from './aggregate-settings';
import { applyChildWeights, hasChildWeights, withOwnAmounts } from './child-weights';
import { type CompiledPlan, compilePlan } from './compile';
import { type EvaluationInput, EvaluationInputError, type InputIssue } from './input';
import { buildLayout, scopeOf } from './layout';
import { loadInput } from './load-input';
import type { CellField } from './methods/types';
import type { Plan } from './plan/types';
import { assertValidPlan } from './plan/validate';
import { rankAndGradeGroup, rankCrossings, standingOf } from './rank-grade';
import type { EvaluationResult, UnitResult, UnitTrace } from './result';
import { snapshot, unitResult } from './results';
import { scoreLeaf } from './score-leaves';
import { ensureField, type NumField } from './state';
import { buildTrace } from './trace';

export { engineOptions } from './leaf-kernel';

/**
 * The evaluator: it runs the stages in order — compile the plan (compile.ts), load the input
 * (load-input.ts), score the leaves (score-leaves.ts), aggregate (aggregate.ts), base, bonus and
 * deductions (adjust.ts), ranks and grades (rank-grade.ts) — and builds results and traces on
 * demand (results.ts, trace.ts). Each stage reads the state and writes its own arrays; the
 * incremental path (setValue) reruns the stages for the units one change touches.
 */

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
  // Objective child weights (plan childWeights) overwrite amounts per period: an own copy.
  const compiled = cp;
  const byData = hasChildWeights(cp);
  if (byData) cp = withOwnAmounts(cp);
  const plan = cp.plan;
  const st = loadInput(cp, input);
  st.compDeductions = setupComponentDeductions(st);
  // The settings of issue 9 point 8 aggregate unit by unit (aggregateUnit), not in the fused loops.
  const perUnit = byData || cp.roundProduct || st.compDeductions !== null;
  const lay = buildLayout(cp, st);
  const adj = adjustmentsOf(st);
  const sd = standingOf(st, lay.byGroup);
  const { nL, unitIndex, unitGroup } = st;
  const nU = st.unitCodes.length;

  const throwErrors = (): void => {
    if (lay.errors.length > 0) {
      const e = lay.errors;
      lay.errors = [];
      throw new EvaluationInputError(e);
    }
  };

  const recompute = (): void => {
    if (byData) st.childWeights = applyChildWeights(compiled, cp, st.fields.value!, unitGroup);
    if (perUnit) {
      for (const j of cp.leaves) scoreLeaf(st, lay, j, null);
      throwErrors();
      for (let u = 0; u < nU; u++) aggregateUnit(st, lay, u);
    } else {
      lay.AS.fill(0);
      lay.AW.fill(0);
      lay.AM.fill(0);
      lay.fusedNow.fill(0);
      lay.laterW.fill(0);
      lay.laterAny.fill(0);
      lay.fusing = true;
      try {
        for (const j of cp.leaves) scoreLeaf(st, lay, j, null);
      } finally {
        lay.fusing = false;
      }
      throwErrors();
      addLaterWeights(st, lay);
      aggregateAll(st, lay);
    }
    for (let u = 0; u < nU; u++) applyLinks(st, adj, u);
    for (let u = 0; u < nU; u++) finishUnit(st, adj, u);
    for (let g = 0; g < lay.byGroup.length; g++) if (lay.byGroup[g]!.length > 0) rankAndGradeGroup(st, sd, g);
    rankCrossings(st, sd);
  };

  /** After the leaves of `changed` are rescored: their aggregates, linked units, their groups' ranks. */
  const afterChange = (changed: number[]): void => {
    for (const u of changed) aggregateUnit(st, lay, u);
    const touched = new Set<number>(changed);
    for (const u of changed) for (const t of adj.linkTargets.get(u) ?? []) touched.add(t);
    const groups = new Set<number>();
    for (const u of touched) {
      applyLinks(st, adj, u);
      finishUnit(st, adj, u);
      groups.add(unitGroup[u]!);
    }
    for (const g of groups) rankAndGradeGroup(st, sd, g);
    rankCrossings(st, sd);
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
    // A value under a parent weighted from the data re-weights its whole group: start again.
    if (byData && cp.nodes[cp.nodes[j]!.parent]?.childWeights) {
      recompute();
      return;
    }
    const units = cp.nodes[j]!.def!.groupRelative ? scopeOf(cp, st, lay, j, u) : [u];
    scoreLeaf(st, lay, j, units);
    throwErrors();
    afterChange(units);
  };
  const unitOf = (code: string): number => resolve(code, cp.nodes[cp.leaves[0]!]!.code).u;

  recompute();

  return {
    plan,
    period: input.period,
    unitCodes: st.unitCodes,
    leafCodes: cp.leaves.map((j) => cp.nodes[j]!.code),
    recompute,
    setValue(unit, indicator, value, f = 'value') {
      const { u, j } = resolve(unit, indicator);
      ensureField(st, f)[cp.nodes[j]!.slot * nU + u] = value === null ? Number.NaN : value;
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
      const a = ensureField(st, f);
      for (let u = 0; u < nU; u++) {
        const o = u * nL;
        for (let l = 0; l < nL; l++) a[l * nU + u] = data[o + l]!;
      }
    },
    total: (unit) => st.total[unitOf(unit)]!,
    totals: () => st.total,
    unit: (code) => unitResult(st, unitOf(code)),
    trace: (code) => buildTrace(st, unitOf(code)),
    result: () => snapshot(st),
  };
}

export type { CellField };
