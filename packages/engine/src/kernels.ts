import type { RoundingMode } from './plan/types';
import { roundDecimal, toUnits } from './rounding';

/**
 * The generic second stage of leaf scoring, after a method's column form has written the fraction
 * of each item of one leaf (methods/column.ts): full points, missing-value policy, decimal
 * rounding, the store into the score matrix and the fold into the parent's sums. `emitCell` is
 * every case of one cell; the loops take the common case only (a present value, clearly away
 * from a rounding tie) and hand any other cell to emitCell.
 *
 * What made the difference (measured, V8 / Node 20): no call and no flag test in the hot inner
 * loop (a cold call or a few loop-invariant boolean tests there doubled its cost).
 */

/** Where the scores of one leaf go and how (one object per evaluator, set for each leaf). */
export interface Emit {
  unitGroup: Int32Array;
  /** Full points of the leaf in each group (≤ 0: not applicable, the score is NaN). */
  scaleOf: Float64Array;
  /** Weight of the leaf in its parent in each group; wMul: the factor of a score in the parent's sum (w, or 1 in points mode). */
  wOf: Float64Array;
  wMul: Float64Array;
  scores: Float64Array;
  /** The leaf's row in `scores` (j × units). */
  base: number;
  missingZero: boolean;
  /** Round to the reporting decimals (indicator stage), stored in units of 10^-decimals. */
  roundInd: boolean;
  m: number;
  dec: number;
  rmode: RoundingMode;
  /** Fold into the parent's sums: AS (scores), AW (weights), AM (a child is missing), at row pb. */
  fuse: boolean;
  AS: Float64Array;
  AW: Float64Array;
  AM: Uint8Array;
  pb: number;
}

/** Every case of one cell: not applicable, missing, rounding (exact at a tie), store, fold. */
export function emitCell(e: Emit, u: number, f0: number): void {
  const at = e.base + u;
  const g = e.unitGroup[u]!;
  const scale = e.scaleOf[g]!;
  if (scale <= 0) {
    e.scores[at] = Number.NaN;
    return;
  }
  let f = f0;
  if (Number.isNaN(f)) {
    if (!e.missingZero) {
      e.scores[at] = Number.NaN;
      if (e.fuse) e.AM[e.pb + u] = 1;
      return;
    }
    f = 0;
  }
  const sc = f * scale;
  const m = e.m;
  // Reported scores are stored in units of 10^-decimals (an exact integer); a leaf that does
  // not round stores its raw score and reaches its parent as raw × 10^decimals.
  let v = sc;
  let vu = sc * m;
  if (e.roundInd) {
    const y = sc * m;
    const r = Math.floor(y + 0.5);
    v =
      e.rmode !== 'down' && sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6
        ? r
        : toUnits(roundDecimal(sc, e.dec, e.rmode), m);
    vu = v;
  }
  e.scores[at] = v;
  const w = e.wOf[g]!;
  if (e.fuse && w > 0) {
    e.AS[e.pb + u] = e.AS[e.pb + u]! + e.wMul[g]! * vu;
    e.AW[e.pb + u] = e.AW[e.pb + u]! + w;
  }
}

/**
 * Every unit, folded into the parent. Used only when every group has full points > 0 and weight
 * > 0 for the leaf and the mode rounds half (leaf-kernel.ts `simple`), else emitGeneral.
 */
export function emit(e: Emit, n: number, out: Float64Array): void {
  const { unitGroup, scaleOf, wOf, wMul, scores, base, m, AS, AW, pb } = e;
  for (let u = 0; u < n; u++) {
    for (; u < n; u++) {
      const g = unitGroup[u]!;
      const sc = out[u]! * scaleOf[g]!;
      const y = sc * m;
      const r = Math.floor(y + 0.5);
      if (!(sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6)) break;
      scores[base + u] = r;
      AS[pb + u] = AS[pb + u]! + wMul[g]! * r;
      AW[pb + u] = AW[pb + u]! + wOf[g]!;
    }
    if (u < n) emitCell(e, u, out[u]!);
  }
}

/** Every unit through the general steps (not folded, or some group without points or weight). */
export function emitGeneral(e: Emit, n: number, out: Float64Array): void {
  for (let u = 0; u < n; u++) emitCell(e, u, out[u]!);
}

/**
 * The common case for a leaf whose parent's sums do not depend on the order of addition (points
 * mode, integer units, integer points: layout.ts `orderFree`): stores the score and adds it to
 * `sums` at row pb; the parent's weight sum is added per group once the leaves are scored.
 * Returns the first unit it could not take, for the caller to hand to emitCell.
 */
export function emitU(
  e: Emit,
  from: number,
  n: number,
  out: Float64Array,
  sums: Float64Array,
  pb: number,
): number {
  const { unitGroup, scaleOf, scores, base, m } = e;
  let u = from;
  for (; u < n; u++) {
    const sc = out[u]! * scaleOf[unitGroup[u]!]!;
    const y = sc * m;
    const q = Math.floor(y + 0.5);
    if (!(sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - q) - 0.5) > 1e-6)) break;
    scores[base + u] = q;
    sums[pb + u] = sums[pb + u]! + q;
  }
  return u;
}

/**
 * The items of a unit list (the column path): item i is unit idx[i]. A unit the node does not
 * apply to (unit-specific, `mask`) is left out, as a missing child of its parent.
 */
export function emitList(
  e: Emit,
  n: number,
  idx: Int32Array,
  out: Float64Array,
  mask: Uint8Array | null,
): void {
  for (let i = 0; i < n; i++) {
    const u = idx[i]!;
    const at = e.base + u;
    if (mask !== null && mask[at] === 1 && e.scaleOf[e.unitGroup[u]!]! > 0) {
      e.scores[at] = Number.NaN;
      if (e.fuse) e.AM[e.pb + u] = 1;
    } else emitCell(e, u, out[i]!);
  }
}
