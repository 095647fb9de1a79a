import { appliedDeduction, attributeDeductions } from './component-deductions';
import { EvaluationInputError, type InputIssue } from './input';
import { toUnits } from './rounding';
import type { ComponentDeductions, EvalState } from './state';
import { productUnits } from './weighted-products';

/**
 * The aggregation steps of two plan settings (issue 9 point 8), used by the evaluator's per-unit
 * aggregation: the rounding stage `product` (each weighted product rounded before the sum) and
 * deductions taken off a component with a floor. Both work in units of 10^-decimals, as the
 * evaluator's stored scores.
 */

/** Split every unit's deductions (null when no component takes its deductions). */
export function setupComponentDeductions(st: EvalState): ComponentDeductions | null {
  const cp = st.cp;
  if (!cp.nodes.some((n) => n.deductionFloor !== null)) return null;
  const issues: InputIssue[] = [];
  const parts = st.deductionItems.map((items) => attributeDeductions(cp, items, issues));
  if (issues.length > 0) throw new EvaluationInputError(issues);
  return {
    byComponent: parts.map((p) => p.byComponent),
    applied: parts.map(() => new Map()),
    offTotal: parts.map((p) => p.offTotal),
  };
}

/**
 * A component's score (units) after the deductions attributed to it, not below its floor; the
 * applied points are kept for the result and the trace. Other nodes pass through.
 */
export function afterComponentDeductions(
  st: EvalState,
  cd: ComponentDeductions,
  j: number,
  u: number,
  s: number,
): number {
  const floor = st.cp.nodes[j]!.deductionFloor;
  const d = cd.byComponent[u]!.get(j);
  if (floor === null || d === undefined || Number.isNaN(s)) return s;
  const m = st.m;
  // Deductions are decimal inputs rounded to the reporting decimals (as off the total).
  const a = appliedDeduction(s, toUnits(st.round(d), m), floor * m);
  cd.applied[u]!.set(j, a / m);
  return s - a;
}

/**
 * Rounding stage `product`: Σ round(wᵢ · sᵢ / Σw) over the children present (units); NaN when
 * none is. `children` are node indices; a leaf's stored score is in units when leaves round.
 */
export function productSum(
  st: EvalState,
  children: readonly number[],
  u: number,
  leafUnits: boolean,
): number {
  const cp = st.cp;
  const nU = st.unitCodes.length;
  const gBase = st.unitGroup[u]! * st.nN;
  let sumW = 0;
  for (const c of children) {
    const w = cp.weight[gBase + c]!;
    if (w > 0 && !Number.isNaN(st.scores[c * nU + u]!)) sumW += w;
  }
  if (!(sumW > 0)) return Number.NaN;
  let sum = 0;
  for (const c of children) {
    const w = cp.weight[gBase + c]!;
    let s = st.scores[c * nU + u]!;
    if (!(w > 0) || Number.isNaN(s)) continue;
    if (cp.nodes[c]!.slot >= 0 && !leafUnits) s *= st.m;
    sum += productUnits(w, sumW, s, cp.roundMode);
  }
  return sum;
}
