import type { RoundingMode } from './plan/types';
import { roundDecimal, toUnits } from './rounding';

/**
 * The generic second stage of the full recompute, after a method's column form has written the
 * fraction of every unit of one leaf (methods/column.ts): full points, missing-value policy,
 * decimal rounding, the store into the score matrix and the fold into the parent's sums. The
 * same steps as scatterColumn, in the same order, so the numbers are bit-identical
 * (kernels.test.ts compares whole evaluations with the column path).
 *
 * What made the difference (measured, V8 / Node 20): no call and no flag test in the hot inner
 * loop (a cold call or a few loop-invariant boolean tests there doubled its cost). The loops take
 * the common case only (a present value, clearly away from a rounding tie) and leave any other
 * cell to `emitOne`.
 */

/**
 * Stage 2: full points, missing-value policy, rounding, store, and (when `fuse`) the fold into the
 * parent's sums — the steps of scatterColumn for every unit. The inner loop is the common case
 * only (a present value, clearly away from a rounding tie) with no call and no flag tests, which
 * V8 compiles to a few instructions per cell; anything else leaves it for one cell through
 * `emitOne` (exact rounding, missing values) and comes back. Callers use it only when every
 * group has full points > 0 and weight > 0 for the leaf (`emitSimple`), else `emitGeneral`.
 */
export function emit(
  n: number,
  out: Float64Array,
  unitGroup: Int32Array,
  scaleOf: Float64Array,
  scores: Float64Array,
  base: number,
  missingZero: boolean,
  m: number,
  dec: number,
  rmode: RoundingMode,
  AS: Float64Array,
  AW: Float64Array,
  AM: Uint8Array,
  wOf: Float64Array,
  pb: number,
  weighted: boolean,
): void {
  let u = 0;
  while (u < n) {
    if (weighted)
      for (; u < n; u++) {
        const g = unitGroup[u]!;
        const sc = out[u]! * scaleOf[g]!;
        const y = sc * m;
        const r = Math.floor(y + 0.5);
        if (!(sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6)) break;
        const v = r;
        const w = wOf[g]!;
        scores[base + u] = v;
        AS[pb + u] = AS[pb + u]! + w * v;
        AW[pb + u] = AW[pb + u]! + w;
      }
    else
      for (; u < n; u++) {
        const g = unitGroup[u]!;
        const sc = out[u]! * scaleOf[g]!;
        const y = sc * m;
        const r = Math.floor(y + 0.5);
        if (!(sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6)) break;
        const v = r;
        scores[base + u] = v;
        AS[pb + u] = AS[pb + u]! + v;
        AW[pb + u] = AW[pb + u]! + wOf[g]!;
      }
    if (u < n) {
      emitOne(
        u,
        out[u]!,
        scaleOf[unitGroup[u]!]!,
        scores,
        base,
        missingZero,
        true,
        m,
        dec,
        rmode,
        true,
        AS,
        AW,
        AM,
        wOf[unitGroup[u]!]!,
        pb,
        weighted,
      );
      u++;
    }
  }
}

/** Every case of one cell (scatterColumn's steps). */
export function emitOne(
  u: number,
  f0: number,
  scale: number,
  scores: Float64Array,
  base: number,
  missingZero: boolean,
  roundInd: boolean,
  m: number,
  dec: number,
  rmode: RoundingMode,
  fuse: boolean,
  AS: Float64Array,
  AW: Float64Array,
  AM: Uint8Array,
  w: number,
  pb: number,
  weighted: boolean,
): void {
  const at = base + u;
  if (scale <= 0) {
    scores[at] = Number.NaN;
    return;
  }
  let f = f0;
  if (Number.isNaN(f)) {
    if (!missingZero) {
      scores[at] = Number.NaN;
      if (fuse) AM[pb + u] = 1;
      return;
    }
    f = 0;
  }
  const sc = f * scale;
  // Reported scores are stored in units of 10^-decimals (an exact integer); a leaf that does
  // not round stores its raw score and reaches its parent as raw × 10^decimals.
  let v = sc;
  let vu = sc * m;
  if (roundInd) {
    const y = sc * m;
    const r = Math.floor(y + 0.5);
    v =
      rmode !== 'down' && sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - r) - 0.5) > 1e-6
        ? r
        : toUnits(roundDecimal(sc, dec, rmode), m);
    vu = v;
  }
  scores[at] = v;
  if (fuse && w > 0) {
    AS[pb + u] = AS[pb + u]! + (weighted ? w * vu : vu);
    AW[pb + u] = AW[pb + u]! + w;
  }
}

/** Stage 2 for any leaf: every cell through the general steps (not fused, or some group without points). */
export function emitGeneral(
  n: number,
  out: Float64Array,
  unitGroup: Int32Array,
  scaleOf: Float64Array,
  scores: Float64Array,
  base: number,
  missingZero: boolean,
  roundInd: boolean,
  m: number,
  dec: number,
  rmode: RoundingMode,
  fuse: boolean,
  AS: Float64Array,
  AW: Float64Array,
  AM: Uint8Array,
  wOf: Float64Array,
  pb: number,
  weighted: boolean,
): void {
  for (let u = 0; u < n; u++) {
    const g = unitGroup[u]!;
    emitOne(
      u,
      out[u]!,
      scaleOf[g]!,
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
      wOf[g]!,
      pb,
      weighted,
    );
  }
}

/**
 * `emit` for a leaf whose parent's sums do not depend on the order of addition (points mode,
 * integer units, integer points: layout.ts `orderFree`): adds the score only; the parent's weight
 * sum is added per group once the leaves are scored. Returns the first unit it could not take.
 */
export function emitU(
  from: number,
  n: number,
  out: Float64Array,
  unitGroup: Int32Array,
  scaleOf: Float64Array,
  scores: Float64Array,
  base: number,
  m: number,
  AS: Float64Array,
  pb: number,
): number {
  let u = from;
  for (; u < n; u++) {
    const sc = out[u]! * scaleOf[unitGroup[u]!]!;
    const y = sc * m;
    const q = Math.floor(y + 0.5);
    if (!(sc >= 0 && y < 1e9 && Math.abs(Math.abs(y - q) - 0.5) > 1e-6)) break;
    scores[base + u] = q;
    AS[pb + u] = AS[pb + u]! + q;
  }
  return u;
}
