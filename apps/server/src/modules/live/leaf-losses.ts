/** A trace node as the loss walk reads it (engine TraceNode has these and more). */
export interface LossNode {
  code: string;
  name: string;
  full: number;
  score: number | null;
  children: readonly LossNode[];
}

/**
 * The leaves of a unit's trace that lose points (full − score > 0), depth first in plan order, with
 * the loss rounded to 6 decimals. A leaf left out (score null: not yet due, re-weighted) loses
 * nothing: its weight went to its siblings. Shared by the live board and the cockpit.
 */
export function losingLeaves<N extends LossNode>(nodes: readonly N[]): { node: N; lost: number }[] {
  const out: { node: N; lost: number }[] = [];
  const walk = (n: N) => {
    if (n.children.length) return (n.children as readonly N[]).forEach(walk);
    if (n.score === null) return;
    const lost = Math.round((n.full - n.score) * 1e6) / 1e6;
    if (lost > 0) out.push({ node: n, lost });
  };
  nodes.forEach(walk);
  return out;
}
