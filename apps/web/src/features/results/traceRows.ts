/** A unit's trace as the rows of the trace table (a tree keyed by code path). */
import type { TraceNode } from '@jixiao/engine';

/**
 * `leaf`: the code the engine input (and so each source) names the node by — an indicator's
 * code, a sub-item's `indicator.sub` (the engine's node code already).
 */
export type Row = Omit<TraceNode, 'children'> & { key: string; leaf?: string; children?: Row[] };

export function toRows(nodes: readonly TraceNode[], prefix = ''): Row[] {
  return nodes.map((n) => {
    const key = `${prefix}${n.code}`;
    const children = n.children?.length ? toRows(n.children, `${key}/`) : undefined;
    const { children: _c, ...rest } = n;
    return {
      ...rest,
      key,
      ...(n.kind !== 'component' ? { leaf: n.code } : {}),
      ...(children ? { children } : {}),
    };
  });
}

/** The codes of every leaf under `rows` (to fetch their sources). */
export function leavesOf(rows: readonly Row[]): string[] {
  return rows.flatMap((r) => [...(r.leaf ? [r.leaf] : []), ...(r.children ? leavesOf(r.children) : [])]);
}

/** Every row key under `rows` (all rows expanded). */
export function keysOf(rows: readonly Row[]): string[] {
  return rows.flatMap((r) => [r.key, ...(r.children ? keysOf(r.children) : [])]);
}
