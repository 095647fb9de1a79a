import { kernelParams } from './kernel-params';
import {
  bandsFastU,
  deductionFastU,
  emit,
  emitGeneral,
  emitOne,
  emitStore,
  fractions,
  K_BANDS,
  K_DEDUCTION,
  K_RATIO,
  K_SATISFACTION,
  ratioFast,
  ratioFastU,
  ratioOne,
  satisfactionFastU,
  simpleFast,
} from './kernels';
import type { Layout } from './layout';
import type { Leaf } from './leaf';
import type { EvalState } from './state';

/**
 * Test hook: false makes the full recompute take the two-stage column path (leaf-column.ts)
 * instead of the single-pass kernels, so a test can check that both give bit-identical results.
 * Not part of the public API.
 */
export const engineOptions = { kernels: true };

/**
 * Kernel path of leaf scoring: one leaf over every unit in a single pass (kernels.ts) when its
 * method has a kernel; false otherwise (the caller then takes the column or scalar path).
 */
export function scoreKernel(st: EvalState, lay: Layout, leaf: Leaf): boolean {
  const { j, slot, fv, scaleOf, mask, missingZero, missingError, roundInd, m, dec, rmode } = leaf;
  const def = leaf.def;
  const { nU, nG, AS, AW, AM, wByNode, weighted, laterW } = lay;
  const unitGroup = st.unitGroup;
  const scores = st.scores;
  if (!engineOptions.kernels || mask !== null || missingError) return false;
  const kp = lay.kparams;
  const R = kernelParams(st, lay, leaf);
  if (R === false) return false;
  // A group-relative leaf reaches its parent in aggregateAll, as before (same summation order),
  // unless the parent's sums do not depend on the order (orderFree): then it is folded here.
  const fuse =
    lay.fusing && lay.leafFusable[j] === 1 && (!def.groupRelative || lay.orderFree[lay.nodeParent[j]!] === 1);
  const R2 = R ?? lay.nanField();
  const out = lay.cols.out;
  const wo = j * nG;
  const wOf = wByNode.subarray(wo, wo + nG);
  const pb = lay.innerIdx[lay.nodeParent[j]!]! * nU;
  let simple = fuse && roundInd && rmode !== 'down';
  for (let g = 0; g < nG && simple; g++) if (!(scaleOf[g]! > 0 && wOf[g]! > 0)) simple = false;
  const noAW =
    simple &&
    lay.orderFree[lay.nodeParent[j]!] === 1 &&
    ((kp.kind === K_RATIO && kp.higher) ||
      kp.kind === K_SATISFACTION ||
      kp.kind === K_DEDUCTION ||
      (kp.kind === K_BANDS && bandsAscending(kp.bx)));
  if (noAW) {
    // Points mode, order-free parent: the loop adds scores only; the weights per group below.
    const off = slot * nU;
    const base = j * nU;
    const kind = kp.kind;
    for (let u = 0; u < nU; u++) {
      u =
        kind === K_RATIO
          ? ratioFastU(
              u,
              nU,
              fv,
              R2,
              off,
              kp.refFactor,
              kp.rate,
              kp.cap,
              kp.belowZero,
              unitGroup,
              scaleOf,
              scores,
              base,
              m,
              AS,
              pb,
              lay.sel2,
            )
          : kind === K_SATISFACTION
            ? satisfactionFastU(u, nU, fv, off, kp.p, unitGroup, scaleOf, scores, base, m, AS, pb)
            : kind === K_DEDUCTION
              ? deductionFastU(u, nU, fv, off, kp.p, unitGroup, scaleOf, scores, base, m, AS, pb, lay.sel3)
              : bandsFastU(
                  u,
                  nU,
                  fv,
                  off,
                  kp.bx,
                  kp.bf,
                  unitGroup,
                  scaleOf,
                  scores,
                  base,
                  m,
                  AS,
                  pb,
                  lay.sel3,
                );
      if (u < nU) {
        // The general steps add the weight of a present cell: take it back (added per group below).
        AW[pb + u] = AW[pb + u]! - wOf[unitGroup[u]!]!;
        ratioOne(
          u,
          kp,
          fv,
          R2,
          off,
          unitGroup,
          scaleOf,
          scores,
          base,
          missingZero,
          m,
          dec,
          rmode,
          AS,
          AW,
          AM,
          wOf,
          pb,
          weighted,
          lay.one1,
          lay.sel2,
        );
      }
    }
    const pw = lay.nodeParent[j]! * nG;
    for (let g = 0; g < nG; g++) laterW[pw + g] = laterW[pw + g]! + wOf[g]!;
    lay.laterAny[lay.nodeParent[j]!] = 1;
    lay.fusedNow[j] = 1;
    return true;
  }
  if (simple && kp.kind === K_RATIO && kp.higher) {
    // The commonest leaf in one fused pass; the odd cell goes through the general steps.
    const off = slot * nU;
    for (let u = 0; u < nU; u++) {
      u = ratioFast(
        u,
        nU,
        fv,
        R2,
        off,
        kp.refFactor,
        kp.rate,
        kp.cap,
        kp.belowZero,
        unitGroup,
        scaleOf,
        scores,
        j * nU,
        m,
        AS,
        AW,
        wOf,
        pb,
        weighted,
        lay.sel2,
      );
      if (u < nU)
        ratioOne(
          u,
          kp,
          fv,
          R2,
          off,
          unitGroup,
          scaleOf,
          scores,
          j * nU,
          missingZero,
          m,
          dec,
          rmode,
          AS,
          AW,
          AM,
          wOf,
          pb,
          weighted,
          lay.one1,
          lay.sel2,
        );
    }
    lay.fusedNow[j] = 1;
    return true;
  }
  let ascending = kp.bx.length >= 2;
  for (let i = 1; i < kp.bx.length; i++) if (!(kp.bx[i]! > kp.bx[i - 1]!)) ascending = false;
  if (
    simple &&
    (kp.kind === K_SATISFACTION || kp.kind === K_DEDUCTION || (kp.kind === K_BANDS && ascending))
  ) {
    const off = slot * nU;
    for (let u = 0; u < nU; u++) {
      u = simpleFast(
        u,
        nU,
        kp.kind,
        fv,
        off,
        kp.p,
        kp.bx,
        kp.bf,
        unitGroup,
        scaleOf,
        scores,
        j * nU,
        m,
        AS,
        AW,
        wOf,
        pb,
        weighted,
        lay.sel3,
      );
      if (u < nU)
        ratioOne(
          u,
          kp,
          fv,
          R2,
          off,
          unitGroup,
          scaleOf,
          scores,
          j * nU,
          missingZero,
          m,
          dec,
          rmode,
          AS,
          AW,
          AM,
          wOf,
          pb,
          weighted,
          lay.one1,
          lay.sel2,
        );
    }
    lay.fusedNow[j] = 1;
    return true;
  }
  fractions(kp, nU, fv, R2, slot * nU, unitGroup, scaleOf, out, lay.sel2);
  if (!fuse && roundInd && rmode !== 'down') {
    // Not folded here (group-relative): store only, the odd cell through the general steps.
    let allPos = true;
    for (let g = 0; g < nG; g++) if (!(scaleOf[g]! > 0)) allPos = false;
    if (allPos) {
      for (let u = 0; u < nU; u++) {
        u = emitStore(u, nU, out, unitGroup, scaleOf, scores, j * nU, m);
        if (u < nU)
          emitOne(
            u,
            out[u]!,
            scaleOf[unitGroup[u]!]!,
            scores,
            j * nU,
            missingZero,
            true,
            m,
            dec,
            rmode,
            false,
            AS,
            AW,
            AM,
            0,
            pb,
            weighted,
          );
      }
      return true;
    }
  }
  if (simple)
    emit(
      nU,
      out,
      unitGroup,
      scaleOf,
      scores,
      j * nU,
      missingZero,
      m,
      dec,
      rmode,
      AS,
      AW,
      AM,
      wOf,
      pb,
      weighted,
    );
  else
    emitGeneral(
      nU,
      out,
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
      wOf,
      pb,
      weighted,
    );
  if (fuse) lay.fusedNow[j] = 1;
  return true;
}

function bandsAscending(bx: Float64Array): boolean {
  if (bx.length < 2) return false;
  for (let i = 1; i < bx.length; i++) if (!(bx[i]! > bx[i - 1]!)) return false;
  return true;
}
