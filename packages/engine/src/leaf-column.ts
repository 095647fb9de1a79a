import { emitList } from './kernels';
import type { Layout } from './layout';
import { emitFor, type Leaf, missingIssue } from './leaf';
import type { EvalState } from './state';

/**
 * Column path of leaf scoring: the units of `list` (or every unit) through the method's column
 * form (methods/column.ts), then emitList (full points, missing values, rounding, store, fold). Inputs are read in place (fields are stored [leaf × unit]) or, for a unit list,
 * gathered first. A group-relative method reads its scope's statistics from ctx.stats.
 */
export function scoreColumn(st: EvalState, lay: Layout, leaf: Leaf, list: number[] | null): void {
  const { j, node, spec, slot, fv, scaleOf, mask, missingError } = leaf;
  const { nU, io } = lay;
  const unitGroup = st.unitGroup;
  const n = list ? list.length : nU;
  const idx = list ? Int32Array.from(list) : lay.allIdx;
  const ft = st.fields.target;
  const fb = st.fields.baseline;
  if (list) {
    for (let i = 0; i < n; i++) {
      const u = idx[i]!;
      const k = slot * nU + u;
      lay.gv[i] = fv[k]!;
      if (ft !== null) lay.gt[i] = ft[k]!;
      if (fb !== null) lay.gb[i] = fb[k]!;
      lay.gg[i] = unitGroup[u]!;
    }
    io.off = 0;
    io.value = lay.gv;
    io.target = ft === null ? null : lay.gt;
    io.baseline = fb === null ? null : lay.gb;
    io.group = lay.gg;
  } else {
    io.off = slot * nU;
    io.value = fv;
    io.target = ft;
    io.baseline = fb;
    io.group = unitGroup;
  }
  io.n = n;
  io.scaleOf = scaleOf;
  io.part = null;
  const column = leaf.def.column!;
  column.setUp(spec, lay.ctx, lay.kparams, io);
  column.run(lay.kparams, io);
  const out = io.out;
  const base = j * nU;
  const fuse = lay.fusing && lay.leafFusable[j] === 1 && !list;
  if (missingError)
    for (let i = 0; i < n; i++) {
      const u = idx[i]!;
      if (Number.isNaN(out[i]!) && scaleOf[unitGroup[u]!]! > 0 && !(mask !== null && mask[base + u] === 1))
        missingIssue(st, lay, u, node.code);
    }
  emitList(emitFor(lay, leaf, fuse), n, idx, out, mask);
  if (fuse) lay.fusedNow[j] = 1;
}
