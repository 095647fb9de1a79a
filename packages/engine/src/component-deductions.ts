import type { CompiledPlan } from './compile';
import type { DeductionInput, InputIssue } from './input';

/**
 * Deductions attributed to a component (日常督察 25 分，扣完为止: "daily inspection 25 minus its
 * deductions, not below 0") when the plan's component says `deductions: { from: 'component' }`:
 * they come off that component's score, never taking it below the component's `floor`
 * (default 0), instead of off the total. What the floor stops is not deducted anywhere.
 */

/**
 * Points that actually come off: the deductions, but no more than the score has above the floor
 * (a score already at or below the floor loses nothing). Same unit as the inputs.
 */
export function appliedDeduction(score: number, deductions: number, floor: number): number {
  if (!(deductions > 0) || Number.isNaN(score)) return 0;
  return Math.min(deductions, Math.max(0, score - floor));
}

/** The component's score after its deductions: score − appliedDeduction(score, d, floor). */
export function deductFromComponent(score: number, deductions: number, floor: number): number {
  return score - appliedDeduction(score, deductions, floor);
}

/**
 * Split one unit's deductions: those attributed to a component that takes them (deductionFloor
 * set) are summed per component node; the rest come off the total. A deduction is attributed to
 * the component it names, else to the component above its indicator. Unknown codes are issues.
 */
export function attributeDeductions(
  cp: CompiledPlan,
  items: readonly DeductionInput[],
  issues: InputIssue[],
): { offTotal: DeductionInput[]; byComponent: Map<number, number> } {
  const offTotal: DeductionInput[] = [];
  const byComponent = new Map<number, number>();
  for (const d of items) {
    const c = componentOf(cp, d, issues);
    if (c === undefined || cp.nodes[c]!.deductionFloor === null) offTotal.push(d);
    else byComponent.set(c, (byComponent.get(c) ?? 0) + d.points);
  }
  return { offTotal, byComponent };
}

function componentOf(cp: CompiledPlan, d: DeductionInput, issues: InputIssue[]): number | undefined {
  if (d.component !== undefined) {
    const c = cp.nodes.find((n) => n.kind === 'component' && n.code === d.component);
    if (!c)
      issues.push({
        code: 'unknown_component',
        unit: d.unit,
        message: `deduction of unit ${d.unit}: component "${d.component}" is not in the plan`,
      });
    return c?.index;
  }
  if (d.indicator === undefined) return undefined;
  let j = cp.nodeByCode.get(d.indicator);
  // An unknown indicator on a deduction stays a label (as before): it comes off the total.
  while (j !== undefined && cp.nodes[j]!.parent !== cp.root) j = cp.nodes[j]!.parent;
  return j;
}
