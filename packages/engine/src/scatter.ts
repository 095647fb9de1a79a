/** Shared by aggregation and the trace: a parent's points score from its children's. */

/**
 * Points mode: a node's score is the sum of its children's, re-weighted to the node's full points
 * when the children present carry a different total (some left out, or unit-specific ones added).
 */
export function pointsOf(sum: number, presentFull: number, full: number): number {
  return Math.abs(presentFull - full) <= full * 1e-12 ? sum : (sum * full) / presentFull;
}
