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
