/** Pure helpers of the decomposition drawer: parts as a tree, who may receive a part. */
import type { DecompositionTree } from '@jixiao/contracts';

/** One part of a decomposition as the drawer edits it: a node's or a person's share of the target. */
export interface Part {
  key: string;
  parentKey: string | null;
  orgNodeId: number | null;
  staffId: number | null;
  target: number | null;
  note: string | null;
  label: string;
}

/** A part with its sub-parts, as the tree table shows it. */
export interface Row extends Part {
  children?: Row[];
}

let seq = 0;
/** A key for a part added in the drawer (stored parts keep their ids). */
export const newKey = () => `n${++seq}`;

/** The flat parts as a tree under `parent`, in their order. */
export function toRows(parts: Part[], parent: string | null = null): Row[] {
  return parts
    .filter((p) => p.parentKey === parent)
    .map((p) => {
      const kids = toRows(parts, p.key);
      return kids.length ? { ...p, children: kids } : { ...p };
    });
}

/** Who may receive a part under `parent`: nodes strictly below its node (or any at the top), their staff. */
export function candidates(tree: DecompositionTree, parent: Part | null, taken: Part[]) {
  const below = (ancestor: number) => {
    const out = new Set<number>();
    let grew = true;
    out.add(ancestor);
    while (grew) {
      grew = false;
      for (const n of tree.nodes)
        if (n.parentId !== null && out.has(n.parentId) && !out.has(n.id)) {
          out.add(n.id);
          grew = true;
        }
    }
    return out;
  };
  const scope = parent?.orgNodeId ? below(parent.orgNodeId) : null;
  const used = new Set(taken.map((p) => (p.staffId ? `s:${p.staffId}` : `n:${p.orgNodeId}`)));
  const nodes = tree.nodes
    .filter((n) => (scope ? scope.has(n.id) && n.id !== parent!.orgNodeId : true))
    .filter((n) => !used.has(`n:${n.id}`))
    .map((n) => ({ value: `n:${n.id}`, label: n.name }));
  const staff = tree.staff
    .filter((s) => (scope ? scope.has(s.orgNodeId) : true))
    .filter((s) => !used.has(`s:${s.id}`))
    .map((s) => ({
      value: `s:${s.id}`,
      label: `${s.name} · ${tree.nodes.find((n) => n.id === s.orgNodeId)?.name ?? ''}`,
    }));
  return { nodes, staff };
}

/** The parts left when `key` is removed with everything under it. */
export function withoutSubtree(parts: readonly Part[], key: string): Part[] {
  const drop = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of parts)
      if (p.parentKey && drop.has(p.parentKey) && !drop.has(p.key)) {
        drop.add(p.key);
        grew = true;
      }
  }
  return parts.filter((p) => !drop.has(p.key));
}

/** A new, empty part for the candidate `value` picked under `parentKey` (`n:<node id>` or `s:<staff id>`). */
export function newPart(
  tree: Pick<DecompositionTree, 'nodes' | 'staff'>,
  parentKey: string | null,
  value: string,
): Part {
  const [kind, raw] = value.split(':');
  const id = Number(raw);
  const label =
    kind === 's'
      ? (tree.staff.find((s) => s.id === id)?.name ?? value)
      : (tree.nodes.find((n) => n.id === id)?.name ?? value);
  return {
    key: newKey(),
    parentKey,
    orgNodeId: kind === 'n' ? id : null,
    staffId: kind === 's' ? id : null,
    target: null,
    note: null,
    label,
  };
}
