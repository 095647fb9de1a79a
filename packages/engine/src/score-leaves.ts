import { type Layout, scopesOf } from './layout';
import { type Leaf, missingIssue } from './leaf';
import { scoreColumn } from './leaf-column';
import { scoreKernel } from './leaf-kernel';
import { roundDecimal, toUnits } from './rounding';
import type { EvalState } from './state';

/**
 * Leaf scoring stage: the score of each leaf indicator (or sub-item) for each unit, as a fraction
 * of its full points from the indicator's method, then × full points, the missing-value policy
 * and the indicator rounding stage. Three paths give the same numbers: a single-pass kernel over
 * every unit (leaf-kernel.ts, the full recompute), a column loop over a list of units
 * (leaf-column.ts), and one call per cell to the method's scalar form (methods without a column).
 */

/** Score leaf node j for the units in `units` (every unit when null). */
export function scoreLeaf(st: EvalState, lay: Layout, j: number, units: number[] | null): void {
  const cp = st.cp;
  const node = cp.nodes[j]!;
  const spec = node.method!;
  const ctx = lay.ctx;
  ctx.direction = node.direction;
  ctx.dz = node.dz;
  ctx.elapsed = (spec as { basis?: string }).basis === 'day' ? st.elapsedDay : st.elapsedMonth;
  ctx.stats = undefined;
  const { nN, nG } = lay;
  const scaleOf = new Float64Array(nG);
  for (let g = 0; g < nG; g++) scaleOf[g] = cp.full[g * nN + j]!;
  // Only the inputs this method reads are copied into the cell of the scalar path.
  const ins = node.def!.inputs;
  const F = st.fields;
  const leaf: Leaf = {
    j,
    node,
    spec,
    def: node.def!,
    slot: node.slot,
    fv: st.fields.value!,
    ft: ins.includes('target') ? F.target : null,
    fb: ins.includes('baseline') ? F.baseline : null,
    fbv: ins.includes('baseValue') ? F.baseValue : null,
    fpv: ins.includes('peerValue') ? F.peerValue : null,
    fpb: ins.includes('peerBaseValue') ? F.peerBaseValue : null,
    lists: ins.includes('scores') ? st.lists : null,
    scaleOf,
    mask: st.onlyUnitMask,
    missingZero: node.missing === 'zero',
    missingError: node.missing === 'error',
    roundInd: cp.roundIndicator,
    m: st.m,
    dec: cp.decimals,
    rmode: cp.roundMode,
  };
  if (units === null && scoreKernel(st, lay, leaf)) return;
  if (leaf.def.groupRelative) {
    const parts = units ? [units] : scopesOf(cp, lay, j);
    const { fv, slot } = leaf;
    const nU = lay.nU;
    for (const part of parts) {
      const vals: number[] = [];
      for (const u of part) {
        const x = fv[slot * nU + u]!;
        if (!Number.isNaN(x) && applicable(st, lay, u, j)) vals.push(x);
      }
      ctx.stats = leaf.def.prepare!(spec, vals, node.direction);
      run(st, lay, leaf, part);
    }
  } else run(st, lay, leaf, units);
}

function applicable(st: EvalState, lay: Layout, u: number, j: number): boolean {
  const mask = st.onlyUnitMask;
  return st.cp.full[st.unitGroup[u]! * lay.nN + j]! > 0 && (mask === null || mask[j * lay.nU + u] === 0);
}

function run(st: EvalState, lay: Layout, leaf: Leaf, list: number[] | null): void {
  if (leaf.def.column) scoreColumn(st, lay, leaf, list);
  else if (list) for (const u of list) scoreCell(st, lay, leaf, u);
  else for (let u = 0; u < lay.nU; u++) scoreCell(st, lay, leaf, u);
}

/** One cell through the method's scalar form (methods without a column form). */
function scoreCell(st: EvalState, lay: Layout, leaf: Leaf, u: number): void {
  const { j, node, spec, slot, scaleOf, mask, m } = leaf;
  const nU = lay.nU;
  const scores = st.scores;
  const at = j * nU + u;
  const scale = scaleOf[st.unitGroup[u]!]!;
  if (scale <= 0 || (mask !== null && mask[at] === 1)) {
    scores[at] = Number.NaN;
    return;
  }
  const k = slot * nU + u;
  const cell = lay.cell;
  cell.value = leaf.fv[k]!;
  cell.target = leaf.ft !== null ? leaf.ft[k]! : Number.NaN;
  cell.baseline = leaf.fb !== null ? leaf.fb[k]! : Number.NaN;
  cell.baseValue = leaf.fbv !== null ? leaf.fbv[k]! : Number.NaN;
  cell.peerValue = leaf.fpv !== null ? leaf.fpv[k]! : Number.NaN;
  cell.peerBaseValue = leaf.fpb !== null ? leaf.fpb[k]! : Number.NaN;
  cell.scores = leaf.lists !== null ? leaf.lists.get(k) : undefined;
  lay.ctx.scale = scale;
  let f = leaf.def.score(spec, cell, lay.ctx, null);
  if (Number.isNaN(f)) {
    if (leaf.missingZero) f = 0;
    else {
      if (leaf.missingError) missingIssue(st, lay, u, node.code);
      scores[at] = Number.NaN;
      return;
    }
  }
  const s = f * scale;
  scores[at] = leaf.roundInd ? toUnits(roundDecimal(s, leaf.dec, leaf.rmode), m) : s;
}
