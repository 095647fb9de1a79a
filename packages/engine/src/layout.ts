import type { CompiledPlan } from './compile';
import type { InputIssue } from './input';
import type { Emit } from './kernels';
import { type ColumnIO, type ColumnParams, newColumnParams } from './methods/column';
import { type Cell, type MethodContext, newCell } from './methods/types';
import type { EvalState } from './state';

/**
 * What the stages of one evaluator share besides the state: the units of each scope, the plan's
 * nodes as flat arrays, the parents' running sums for the column-wise aggregation, the facts that
 * decide which leaves are folded into their parent while scored, and scratch buffers reused from
 * one leaf to the next (no allocation per column). Built once per evaluator from the compiled
 * plan and the loaded units; only the sums and scratch change afterwards.
 */
export interface Layout {
  nU: number;
  nN: number;
  nG: number;
  weighted: boolean;
  /** Units of each group, of each category, and all of them (group-relative scopes). */
  byGroup: number[][];
  byCategory: Map<string, number[]>;
  all: number[];
  allIdx: Int32Array;
  /** Scope part of each unit for the group-relative kernels (group scope: the group index). */
  partAll: Int32Array;
  partCategory: Int32Array;
  nodeSlot: Int32Array;
  nodeParent: Int32Array;
  /** 1 when an inner node's score is rounded (component or node rounding stage). */
  nodeRounds: Uint8Array;
  /** Inner nodes and the root, and each one's row in the sums (-1 for leaves). */
  inner: number[];
  innerIdx: Int32Array;
  /** Leaf rows hold scores in units of 10^-decimals (the indicator rounding stage is on). */
  leafUnits: boolean;
  /** Per node: the running sums of one unit (the incremental path). */
  accS: Float64Array;
  accW: Float64Array;
  accMiss: Uint8Array;
  /** [inner node × unit] running score sum, weight sum, and "a child is missing". */
  AS: Float64Array;
  AW: Float64Array;
  AM: Uint8Array;
  /** [node × group] weight and full score (the compiled plan's arrays, node-major). */
  wByNode: Float64Array;
  fullByNode: Float64Array;
  /**
   * A leaf is folded into its parent while it is scored when all its siblings are column-scored
   * leaves: they then reach the parent in the same order as in aggregateUnit, so the same sums.
   */
  leafFusable: Uint8Array;
  /**
   * Parents whose sums come out the same in any order of addition: points mode with rounded
   * leaves (scores in integer units, exact integer sums) and integer points for every child in
   * every group (exact integer sums of the weights). Their group-relative leaves are folded while
   * scored, in leaf order, instead of in aggregateAll after their siblings.
   */
  orderFree: Uint8Array;
  /** Weights of the leaves scored by the order-free loops, per parent and group (added after them). */
  laterW: Float64Array;
  laterAny: Uint8Array;
  /** Leaves already folded into their parent during this recompute. */
  fusedNow: Uint8Array;
  /** True during a full recompute (folding allowed). */
  fusing: boolean;
  /** Missing-value errors found while scoring, thrown together afterwards. */
  errors: InputIssue[];
  // Scratch for leaf scoring.
  cell: Cell;
  ctx: MethodContext;
  kparams: ColumnParams;
  /** A leaf's items for its method's column form (every unit in place, or a gathered list). */
  io: ColumnIO;
  /** Gathered inputs and groups of a unit list. */
  gv: Float64Array;
  gt: Float64Array;
  gb: Float64Array;
  gg: Int32Array;
  /** Scratch row for sums nobody reads (a leaf stored but not folded). */
  sink: Float64Array;
  /** Where a leaf's scores go (set for each leaf by leaf-kernel.ts and leaf-column.ts). */
  emit: Emit;
}

export function buildLayout(cp: CompiledPlan, st: EvalState): Layout {
  const nU = st.unitCodes.length;
  const { nN, unitGroup } = st;
  const nG = cp.groups.length;
  const weighted = cp.mode === 'weighted';

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
  const partCategory = new Int32Array(nU);
  [...byCategory.values()].forEach((list, q) => {
    for (const u of list) partCategory[u] = q;
  });

  const nodeSlot = Int32Array.from(cp.nodes, (n) => n.slot);
  const nodeParent = Int32Array.from(cp.nodes, (n) => n.parent);
  const nodeRounds = Uint8Array.from(cp.nodes, (n) =>
    n.slot >= 0 ? 0 : (n.kind === 'component' ? cp.roundComponent : cp.roundNode) ? 1 : 0,
  );
  // Leaf rows hold units (rounded scores); inner rows always do (scoreAt reads them).
  const leafUnits = cp.roundIndicator;
  for (let j = 0; j < nN; j++) st.unitRow[j] = nodeSlot[j]! >= 0 ? (leafUnits ? 1 : 0) : 1;
  const inner = [...cp.nodes.filter((n) => n.slot < 0).map((n) => n.index), cp.root];
  const innerIdx = new Int32Array(nN + 1).fill(-1);
  inner.forEach((j, i) => {
    innerIdx[j] = i;
  });
  const wByNode = new Float64Array(nN * nG);
  const fullByNode = new Float64Array(nN * nG);
  for (let j = 0; j < nN; j++)
    for (let g = 0; g < nG; g++) {
      wByNode[j * nG + g] = cp.weight[g * nN + j]!;
      fullByNode[j * nG + g] = cp.full[g * nN + j]!;
    }

  const leafFusable = new Uint8Array(nN);
  for (const n of cp.nodes) {
    if (n.slot < 0 || n.parent === cp.root) continue;
    const sibs = cp.nodes[n.parent]!.children;
    if (sibs.every((c) => cp.nodes[c]!.slot >= 0 && cp.nodes[c]!.def?.column !== undefined))
      leafFusable[n.index] = 1;
  }
  // Every partial sum must stay below 2^53 for order-free sums: bounded by the children's largest scores.
  const orderFree = new Uint8Array(nN + 1);
  if (!weighted && leafUnits)
    for (const n of cp.nodes) {
      if (n.slot >= 0 || n.children.length === 0) continue;
      let ok = true;
      let bound = 0;
      for (const c of n.children) {
        const child = cp.nodes[c]!;
        // Largest |fraction of full points| a column method can give (Infinity when not bounded here).
        const maxF =
          child.slot >= 0 && child.method && child.def?.column
            ? Math.max(1, Math.abs(child.def.maxFraction(child.method)))
            : Number.POSITIVE_INFINITY;
        let maxFull = 0;
        for (let g = 0; g < nG; g++) {
          const w = wByNode[c * nG + g]!;
          if (!(Number.isInteger(w) && Math.abs(w) <= 2 ** 30)) ok = false;
          maxFull = Math.max(maxFull, Math.abs(fullByNode[c * nG + g]!));
        }
        bound += maxF * maxFull * st.m + 1;
      }
      if (ok && bound < 2 ** 50) orderFree[n.index] = 1;
    }

  const AS = new Float64Array(inner.length * nU);
  const AW = new Float64Array(inner.length * nU);
  const AM = new Uint8Array(inner.length * nU);
  const gv = new Float64Array(nU);
  const gt = new Float64Array(nU);
  const gb = new Float64Array(nU);
  return {
    nU,
    nN,
    nG,
    weighted,
    byGroup,
    byCategory,
    all,
    allIdx: Int32Array.from(all),
    partAll: new Int32Array(nU),
    partCategory,
    nodeSlot,
    nodeParent,
    nodeRounds,
    inner,
    innerIdx,
    leafUnits,
    accS: new Float64Array(nN + 1),
    accW: new Float64Array(nN + 1),
    accMiss: new Uint8Array(nN + 1),
    AS,
    AW,
    AM,
    wByNode,
    fullByNode,
    leafFusable,
    orderFree,
    laterW: new Float64Array((nN + 1) * nG),
    laterAny: new Uint8Array(nN + 1),
    fusedNow: new Uint8Array(nN),
    fusing: false,
    errors: [],
    cell: newCell(),
    ctx: { scale: 100, direction: 'higher', dz: 'zero', elapsed: 1, stats: undefined },
    kparams: newColumnParams(),
    io: {
      n: 0,
      off: 0,
      value: gv,
      target: gt,
      baseline: gb,
      group: unitGroup,
      scaleOf: new Float64Array(nG),
      part: null,
      parts: 1,
      out: new Float64Array(nU),
    },
    gv,
    gt,
    gb,
    gg: new Int32Array(nU),
    sink: new Float64Array(nU),
    emit: {
      unitGroup,
      scaleOf: new Float64Array(nG),
      wOf: new Float64Array(nG),
      wMul: new Float64Array(nG),
      scores: st.scores,
      base: 0,
      missingZero: false,
      roundInd: cp.roundIndicator,
      m: st.m,
      dec: cp.decimals,
      rmode: cp.roundMode,
      fuse: false,
      AS,
      AW,
      AM,
      pb: 0,
    },
  };
}

/** Units in the scope of a group-relative leaf that unit u belongs to. */
export function scopeOf(cp: CompiledPlan, st: EvalState, lay: Layout, leafNode: number, u: number): number[] {
  const scope = (cp.nodes[leafNode]!.method as { scope?: string } | undefined)?.scope ?? 'group';
  if (scope === 'all') return lay.all;
  if (scope === 'category') return lay.byCategory.get(cp.groups[st.unitGroup[u]!]!.category)!;
  return lay.byGroup[st.unitGroup[u]!]!;
}

/** Every scope part of a group-relative leaf. */
export function scopesOf(cp: CompiledPlan, lay: Layout, leafNode: number): number[][] {
  const scope = (cp.nodes[leafNode]!.method as { scope?: string } | undefined)?.scope ?? 'group';
  if (scope === 'all') return [lay.all];
  if (scope === 'category') return [...lay.byCategory.values()];
  return lay.byGroup;
}
