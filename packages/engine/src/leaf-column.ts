import type { Layout } from './layout';
import { type Leaf, missingIssue } from './leaf';
import { COLUMNS, NEEDS_SCALE } from './methods/columns';
import { fusedRatio, scatterColumn } from './scatter';
import type { EvalState } from './state';

/**
 * Column path of leaf scoring: the units of `list` (or every unit) in one loop per stage — the
 * method's column form (methods/columns.ts), then scatterColumn (full points, missing values,
 * rounding, store, fold). Inputs are read in place (fields are stored [leaf × unit]) or, for a
 * unit list, gathered first.
 */
export function scoreColumn(st: EvalState, lay: Layout, leaf: Leaf, list: number[] | null): void {
  const { j, node, spec, slot, fv, scaleOf, mask, missingZero, missingError, roundInd, m, dec, rmode } = leaf;
  const { nU, nG, cols, AS, AW, AM, wByNode, weighted } = lay;
  const F = st.fields;
  const unitGroup = st.unitGroup;
  const scores = st.scores;
  const ctx = lay.ctx;
  const pb = lay.innerIdx[lay.nodeParent[j]!]! * nU;
  if ((spec.kind === 'completion' || spec.kind === 'pro_rata') && !list && mask === null && !missingError) {
    // The commonest column: one fused loop (see fusedRatio).
    const p = spec as { reference?: string; below?: string; excessRate?: number; excessCap?: number };
    const R = spec.kind === 'completion' && p.reference === 'baseline' ? F.baseline : F.target;
    const fuse = lay.fusing && lay.leafFusable[j] === 1;
    fusedRatio(
      nU,
      fv,
      R ?? lay.nanField(),
      slot * nU,
      spec.kind === 'pro_rata' ? ctx.elapsed : 1,
      node.direction === 'higher',
      p.excessRate ?? 0,
      p.excessCap ?? 0,
      p.below === 'zero',
      node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN,
      unitGroup,
      scaleOf,
      scores,
      j * nU,
      missingZero,
      roundInd,
      m,
      dec,
      rmode,
      fuse,
      AS,
      AW,
      AM,
      wByNode,
      j * nG,
      pb,
      weighted,
    );
    if (fuse) lay.fusedNow[j] = 1;
    return;
  }
  const n = list ? list.length : nU;
  const idx = list ? Int32Array.from(list) : lay.allIdx;
  const ft2 = F.target ?? lay.nanField();
  const fb2 = F.baseline ?? lay.nanField();
  if (list) {
    for (let i = 0; i < n; i++) {
      const k = slot * nU + idx[i]!;
      lay.gv[i] = fv[k]!;
      lay.gt[i] = ft2[k]!;
      lay.gb[i] = fb2[k]!;
    }
    cols.off = 0;
    cols.value = lay.gv;
    cols.target = lay.gt;
    cols.baseline = lay.gb;
  } else {
    cols.off = slot * nU;
    cols.value = fv;
    cols.target = ft2;
    cols.baseline = fb2;
  }
  if (NEEDS_SCALE.has(spec.kind))
    for (let i = 0; i < n; i++) {
      const u = idx[i]!;
      cols.scale[i] = scaleOf[unitGroup[u]!]!;
    }
  cols.n = n;
  ctx.scale = Number.NaN; // columns read the per-item scale array
  COLUMNS[spec.kind]!(spec, ctx, cols);
  const out = cols.out;
  const base = j * nU;
  const fuse = lay.fusing && lay.leafFusable[j] === 1 && !list;
  if (missingError)
    for (let i = 0; i < n; i++) {
      const u = idx[i]!;
      if (Number.isNaN(out[i]!) && scaleOf[unitGroup[u]!]! > 0 && !(mask !== null && mask[base + u] === 1))
        missingIssue(st, lay, u, node.code);
    }
  scatterColumn(
    n,
    idx,
    out,
    unitGroup,
    scaleOf,
    mask,
    scores,
    base,
    missingZero,
    roundInd,
    m,
    dec,
    rmode,
    fuse,
    AS,
    AW,
    AM,
    wByNode,
    j * nG,
    pb,
    weighted,
  );
  if (fuse) lay.fusedNow[j] = 1;
}
