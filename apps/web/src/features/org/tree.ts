/** Pure helpers for the organisation tree (flat rows with parentId → nested nodes). */

export interface FlatNode {
  id: number;
  parentId: number | null;
  name: string;
  code?: string;
  sortOrder?: number;
}

export type TreeNode<T extends FlatNode> = T & { children: TreeNode<T>[] };

function compare(a: FlatNode, b: FlatNode): number {
  return (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
}

/** Adds to `attached` every node below `from` that is not in it yet. */
function attachBelow<T extends FlatNode>(from: readonly TreeNode<T>[], attached: Set<number>) {
  const stack = [...from];
  while (stack.length) {
    const n = stack.pop()!;
    for (const c of n.children) {
      if (!attached.has(c.id)) {
        attached.add(c.id);
        stack.push(c);
      }
    }
  }
}

/**
 * Builds a forest from flat rows. Children are sorted by sortOrder, then name, then id.
 * A row whose parent is missing becomes a root (a user may see a subtree only);
 * rows caught in a parent cycle are also returned as roots, so nothing is lost.
 */
export function buildTree<T extends FlatNode>(rows: readonly T[]): TreeNode<T>[] {
  const byId = new Map<number, TreeNode<T>>();
  for (const r of rows) byId.set(r.id, { ...r, children: [] });
  const roots: TreeNode<T>[] = [];
  const attached = new Set<number>();
  for (const node of byId.values()) {
    const parent = node.parentId == null ? undefined : byId.get(node.parentId);
    if (!parent || parent === node) {
      roots.push(node);
      attached.add(node.id);
    } else {
      parent.children.push(node);
    }
  }
  // Mark everything reachable from a root; anything left sits in a cycle.
  attachBelow(roots, attached);
  for (const node of byId.values()) {
    if (attached.has(node.id)) continue;
    // Break the cycle at this node: detach it from its parent and make it a root.
    const parent = byId.get(node.parentId!)!;
    parent.children = parent.children.filter((c) => c !== node);
    roots.push(node);
    attached.add(node.id);
    attachBelow([node], attached);
  }
  const sortDeep = (list: TreeNode<T>[]) => {
    list.sort(compare);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/**
 * Keeps nodes whose name or code contains `query` (case-insensitive), with their ancestors.
 * A matching node keeps its whole subtree. Returns the pruned forest and the ids to expand.
 */
export function filterTree<T extends FlatNode>(
  roots: readonly TreeNode<T>[],
  query: string,
): { roots: TreeNode<T>[]; expand: number[] } {
  const q = query.trim().toLowerCase();
  if (!q) return { roots: [...roots], expand: [] };
  const expand: number[] = [];
  const walk = (list: readonly TreeNode<T>[]): TreeNode<T>[] => {
    const out: TreeNode<T>[] = [];
    for (const n of list) {
      const hit = n.name.toLowerCase().includes(q) || (n.code ?? '').toLowerCase().includes(q);
      if (hit) {
        out.push(n);
        continue;
      }
      const kids = walk(n.children);
      if (kids.length) {
        expand.push(n.id);
        out.push({ ...n, children: kids });
      }
    }
    return out;
  };
  return { roots: walk(roots), expand };
}

/** Ids of a node and all its descendants (a node cannot move under itself). */
export function subtreeIds<T extends FlatNode>(roots: readonly TreeNode<T>[], id: number): Set<number> {
  const out = new Set<number>();
  const find = (list: readonly TreeNode<T>[]): TreeNode<T> | undefined => {
    for (const n of list) {
      if (n.id === id) return n;
      const f = find(n.children);
      if (f) return f;
    }
    return undefined;
  };
  const start = find(roots);
  if (!start) return out;
  const stack = [start];
  while (stack.length) {
    const n = stack.pop()!;
    out.add(n.id);
    stack.push(...n.children);
  }
  return out;
}

/** Names from the root down to `id`, e.g. for a breadcrumb of the selected unit. */
export function pathTo<T extends FlatNode>(rows: readonly T[], id: number): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: T[] = [];
  const seen = new Set<number>();
  let cur = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift(cur);
    cur = cur.parentId == null ? undefined : byId.get(cur.parentId);
  }
  return path;
}
