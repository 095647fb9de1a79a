import { emit, emitCell, emitGeneral, emitU } from './kernels';
import type { Layout } from './layout';
import { emitFor, type Leaf } from './leaf';
import type { EvalState } from './state';

/**
 * Test hook: false makes the full recompute take the column path (leaf-column.ts: the method's
 * column over the units of each scope, then emitList) instead of the kernels, so a test can check
 * that both give bit-identical results. Not part of the public API.
 */
export const engineOptions = { kernels: true };

/**
 * Kernel path of leaf scoring, for the full recompute: the method's column form writes the
 * fraction of every unit, then one of the generic loops of kernels.ts stores the scores and folds
 * them into the parent. False when the method has no column form (or the leaf needs the general
 * steps: unit-specific nodes, missing-value policy "error"); the caller then takes another path.
 */
export function scoreKernel(st: EvalState, lay: Layout, leaf: Leaf): boolean {
  const { j, spec, def, slot, scaleOf, mask, missingError, roundInd, rmode } = leaf;
  const column = def.column;
  if (!engineOptions.kernels || mask !== null || missingError || column === undefined) return false;
  const { nU, nG, io } = lay;
  const unitGroup = st.unitGroup;
  const parent = lay.nodeParent[j]!;
  // Every unit in place; group-relative limits per scope part.
  io.n = nU;
  io.off = slot * nU;
  io.value = leaf.fv;
  io.target = st.fields.target;
  io.baseline = st.fields.baseline;
  io.group = unitGroup;
  io.scaleOf = scaleOf;
  io.part = null;
  if (def.groupRelative) {
    const scope = (spec as { scope?: string }).scope ?? 'group';
    io.part = scope === 'all' ? lay.partAll : scope === 'category' ? lay.partCategory : unitGroup;
    io.parts = scope === 'all' ? 1 : scope === 'category' ? lay.byCategory.size : nG;
  }
  column.setUp(spec, lay.ctx, lay.kparams, io);
  column.run(lay.kparams, io);
  const out = io.out;

  // A group-relative leaf reaches its parent in aggregateAll (the same summation order), unless
  // the parent's sums do not depend on the order (orderFree): then it is folded here.
  const fuse = lay.fusing && lay.leafFusable[j] === 1 && (!def.groupRelative || lay.orderFree[parent] === 1);
  const e = emitFor(lay, leaf, fuse);
  const halfMode = roundInd && rmode !== 'down';
  let allPos = true;
  for (let g = 0; g < nG; g++) if (!(scaleOf[g]! > 0)) allPos = false;
  let simple = fuse && halfMode && allPos;
  for (let g = 0; g < nG && simple; g++) if (!(e.wOf[g]! > 0)) simple = false;
  if (simple && lay.orderFree[parent] === 1) {
    // Points mode, order-free parent: the loop adds scores only; the weights per group below.
    for (let u = 0; u < nU; u++) {
      u = emitU(e, u, nU, out, e.AS, e.pb);
      if (u < nU) {
        // emitCell adds the weight of a present cell: take it back (added per group below).
        e.AW[e.pb + u] = e.AW[e.pb + u]! - e.wOf[unitGroup[u]!]!;
        emitCell(e, u, out[u]!);
      }
    }
    const pw = parent * nG;
    for (let g = 0; g < nG; g++) lay.laterW[pw + g] = lay.laterW[pw + g]! + e.wOf[g]!;
    lay.laterAny[parent] = 1;
  } else if (!fuse && halfMode && allPos) {
    // Not folded here (group-relative): store only (the sums go to a scratch row).
    for (let u = 0; u < nU; u++) {
      u = emitU(e, u, nU, out, lay.sink, 0);
      if (u < nU) emitCell(e, u, out[u]!);
    }
    return true;
  } else if (simple) emit(e, nU, out);
  else emitGeneral(e, nU, out);
  if (fuse) lay.fusedNow[j] = 1;
  return true;
}
