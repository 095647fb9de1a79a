import type { RoundingMode } from './plan/types';
import { roundFast, toUnits } from './rounding';

/**
 * The full-recompute inner loop of one indicator column: full points, missing-value policy,
 * rounding (inline fast path of roundDecimal, same result), and folding into the parent's
 * accumulators. A module-level function with everything passed in, so the JIT keeps all of it
 * in registers (a closure would reload its captured variables on every iteration).
 */
export function scatterColumn(
  n: number,
  idx: Int32Array,
  out: Float64Array,
  unitGroup: Int32Array,
  scaleOf: Float64Array,
  mask: Uint8Array | null,
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
  wByNode: Float64Array,
  wo: number,
  pb: number,
  weighted: boolean,
): void {
  const halfMode = rmode !== 'down';
  for (let i = 0; i < n; i++) {
    const u = idx[i]!;
    const at = base + u;
    const g = unitGroup[u]!;
    const scale = scaleOf[g]!;
    if (scale <= 0) {
      scores[at] = Number.NaN;
      continue;
    }
    let f = out[i]!;
    if ((mask !== null && mask[at] === 1) || (Number.isNaN(f) && !missingZero)) {
      scores[at] = Number.NaN;
      if (fuse) AM[pb + u] = 1;
      continue;
    }
    if (Number.isNaN(f)) f = 0;
    const sc = f * scale;
    // Stored in units of 10^-decimals when rounded (an exact integer), else raw.
    const v = roundInd ? toUnits(roundFast(sc, m, dec, rmode, halfMode), m) : sc;
    const vu = roundInd ? v : sc * m;
    scores[at] = v;
    if (fuse) {
      const w = wByNode[wo + g]!;
      if (w > 0) {
        AS[pb + u] = AS[pb + u]! + (weighted ? w * vu : vu);
        AW[pb + u] = AW[pb + u]! + w;
      }
    }
  }
}

/**
 * Points mode: a node's score is the sum of its children's, re-weighted to the node's full points
 * when the children present carry a different total (some left out, or unit-specific ones added).
 */
export function pointsOf(sum: number, presentFull: number, full: number): number {
  return Math.abs(presentFull - full) <= full * 1e-12 ? sum : (sum * full) / presentFull;
}
