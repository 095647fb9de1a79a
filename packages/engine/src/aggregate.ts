import { afterComponentDeductions, productSum } from './aggregate-settings';
import type { Layout } from './layout';
import { roundUnits } from './rounding';
import { pointsOf } from './scatter';
import type { EvalState } from './state';

/**
 * Aggregation stage: components and parent indicators from their children's scores, then each
 * unit's own base score (ownBase). Sums are in units of 10^-decimals, so sums of reported
 * scores are exact integer sums. A node is missing (NaN) when no child with weight is present
 * or when it does not apply to the unit (unit-specific); missing children are re-weighted.
 */

/** One unit bottom-up from its leaf scores (the incremental path). */
export function aggregateUnit(st: EvalState, lay: Layout, u: number): void {
  const cp = st.cp;
  const { nN, nU, weighted, nodeSlot, nodeParent, nodeRounds, inner, leafUnits, accS, accW, accMiss } = lay;
  // Only inner nodes accumulate: reset just those.
  for (let i = 0; i < inner.length; i++) {
    const j = inner[i]!;
    accS[j] = 0;
    accW[j] = 0;
    accMiss[j] = 0;
  }
  const scores = st.scores;
  const gBase = st.unitGroup[u]! * nN;
  const mask = st.onlyUnitMask;
  const m = st.m;
  const rmode = cp.roundMode;
  for (let j = 0; j < nN; j++) {
    let s: number;
    const w = cp.weight[gBase + j]!;
    const at = j * nU + u;
    if (nodeSlot[j]! >= 0) {
      s = scores[at]!;
      if (!leafUnits) s *= m;
    } else {
      const aw = accW[j]!;
      // A unit-specific node that does not apply to this unit counts as left out (re-weighted).
      if (aw === 0 || w === 0 || (mask !== null && mask[at] === 1)) s = Number.NaN;
      else if (cp.roundProduct) s = productSum(st, cp.nodes[j]!.children, u, leafUnits);
      else {
        s = weighted ? accS[j]! / aw : pointsOf(accS[j]!, aw, cp.full[gBase + j]!);
        if (nodeRounds[j] === 1) s = roundUnits(s, rmode);
      }
      // Plan setting: deductions attributed to a component come off it, not below its floor.
      if (st.compDeductions !== null) s = afterComponentDeductions(st, st.compDeductions, j, u, s);
      scores[at] = s;
    }
    if (w > 0) {
      const p = nodeParent[j]!;
      if (!Number.isNaN(s)) {
        accS[p] = accS[p]! + (weighted ? w * s : s);
        accW[p] = accW[p]! + w;
      } else accMiss[p] = 1;
    }
  }
  const r = cp.root;
  const aw = accW[r]!;
  let b = 0;
  if (aw > 0 && cp.roundProduct) b = productSum(st, cp.rootChildren, u, leafUnits) / m;
  else if (aw > 0) b = (weighted ? accS[r]! / aw : pointsOf(accS[r]!, aw, cp.totalPoints)) / m;
  st.ownBase[u] = withHalfYear(st, u, b);
}

/** Weights of the leaves the order-free loops scored, added to their parents per group. */
export function addLaterWeights(st: EvalState, lay: Layout): void {
  const { nN, nU, nG, AW, laterW, laterAny, innerIdx } = lay;
  const unitGroup = st.unitGroup;
  for (let p = 0; p <= nN; p++) {
    if (laterAny[p] !== 1) continue;
    const pb = innerIdx[p]! * nU;
    const pw = p * nG;
    for (let u = 0; u < nU; u++) AW[pb + u] = AW[pb + u]! + laterW[pw + unitGroup[u]!]!;
  }
}

/**
 * Every unit, node by node, reading and writing contiguous runs (the full recompute). Same
 * operations in the same order as aggregateUnit, so the same numbers; leaves already folded into
 * their parent while scored (fusedNow) are skipped.
 */
export function aggregateAll(st: EvalState, lay: Layout): void {
  const cp = st.cp;
  const { nN, nU, nG, weighted, nodeSlot, nodeParent, nodeRounds, innerIdx, AS, AW, AM } = lay;
  const { wByNode, fullByNode, fusedNow } = lay;
  const scores = st.scores;
  const mask = st.onlyUnitMask;
  const ug = st.unitGroup;
  const m = st.m;
  const lm = lay.leafUnits ? 1 : m;
  const rmode = cp.roundMode;
  for (let j = 0; j < nN; j++) {
    const base = j * nU;
    const pb = innerIdx[nodeParent[j]!]! * nU;
    const wo = j * nG;
    if (nodeSlot[j]! >= 0) {
      if (fusedNow[j] === 1) continue;
      for (let u = 0; u < nU; u++) {
        const w = wByNode[wo + ug[u]!]!;
        if (w > 0) {
          const s = scores[base + u]! * lm;
          if (!Number.isNaN(s)) {
            AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
            AW[pb + u] = AW[pb + u]! + w;
          } else AM[pb + u] = 1;
        }
      }
      continue;
    }
    const ib = innerIdx[j]! * nU;
    const rounds = nodeRounds[j] === 1;
    for (let u = 0; u < nU; u++) {
      const w = wByNode[wo + ug[u]!]!;
      const aw = AW[ib + u]!;
      let s: number;
      if (aw === 0 || w === 0 || (mask !== null && mask[base + u] === 1)) s = Number.NaN;
      else {
        const a = AS[ib + u]!;
        s = weighted ? a / aw : pointsOf(a, aw, fullByNode[wo + ug[u]!]!);
        if (rounds) s = roundUnits(s, rmode);
      }
      scores[base + u] = s;
      if (w > 0) {
        if (!Number.isNaN(s)) {
          AS[pb + u] = AS[pb + u]! + (weighted ? w * s : s);
          AW[pb + u] = AW[pb + u]! + w;
        } else AM[pb + u] = 1;
      }
    }
  }
  const rb = innerIdx[cp.root]! * nU;
  for (let u = 0; u < nU; u++) {
    const aw = AW[rb + u]!;
    let b = 0;
    if (aw > 0) {
      const a = AS[rb + u]!;
      b = (weighted ? a / aw : pointsOf(a, aw, cp.totalPoints)) / m;
    }
    st.ownBase[u] = withHalfYear(st, u, b);
  }
}

/** A half-year result carried into the yearly score with the plan's weight (when given). */
function withHalfYear(st: EvalState, u: number, b: number): number {
  const hw = st.cp.plan.halfYear?.weight;
  const hy = st.halfYear[u]!;
  return hw !== undefined && !Number.isNaN(hy) ? hw * hy + (1 - hw) * b : b;
}
