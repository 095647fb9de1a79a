import { K_BANDS, K_BANDS_STEP, K_DEDUCTION, K_EFFICACY, K_MANUAL, K_RATIO, K_SATISFACTION } from './kernels';
import type { Layout } from './layout';
import type { Leaf } from './leaf';
import type { EvalState } from './state';

/**
 * The loop-invariant parameters of a leaf's kernel (lay.kparams) from its method spec; returns the
 * reference field the kernel reads (target or baseline; null when not supplied), or false when
 * the method has no kernel.
 */
export function kernelParams(st: EvalState, lay: Layout, leaf: Leaf): Float64Array | null | false {
  const { node, spec, slot, fv, scaleOf } = leaf;
  const { nU, nG } = lay;
  const unitGroup = st.unitGroup;
  const ctx = lay.ctx;
  const kp = lay.kparams;
  const s = spec as {
    kind: string;
    reference?: string;
    below?: string;
    excessRate?: number;
    excessCap?: number;
    scale?: number;
    perItem?: number;
    interpolate?: boolean;
    breakpoints?: [number, number][];
    clamp?: [number, number];
    limits?: 'group' | { worst: number; best: number };
    scope?: 'group' | 'category' | 'all';
  };
  let R = st.fields.target;
  kp.partOf = null;
  switch (s.kind) {
    case 'completion':
    case 'pro_rata':
      kp.kind = K_RATIO;
      if (s.kind === 'completion' && s.reference === 'baseline') R = st.fields.baseline;
      kp.refFactor = s.kind === 'pro_rata' ? ctx.elapsed : 1;
      kp.higher = node.direction === 'higher';
      kp.rate = s.excessRate ?? 0;
      kp.cap = s.excessCap ?? 0;
      kp.belowZero = s.below === 'zero';
      kp.dz = node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN;
      break;
    case 'satisfaction':
      kp.kind = K_SATISFACTION;
      kp.p = s.scale ?? 100;
      break;
    case 'manual':
      kp.kind = K_MANUAL;
      kp.p = s.scale ?? Number.NaN;
      break;
    case 'deduction':
      kp.kind = K_DEDUCTION;
      kp.p = s.perItem!;
      break;
    case 'bands': {
      kp.kind = s.interpolate ? K_BANDS : K_BANDS_STEP;
      const bp = s.breakpoints!;
      if (kp.bx.length !== bp.length) {
        kp.bx = new Float64Array(bp.length);
        kp.bf = new Float64Array(bp.length);
      }
      for (let i = 0; i < bp.length; i++) {
        kp.bx[i] = bp[i]![0];
        kp.bf[i] = bp[i]![1];
      }
      break;
    }
    case 'efficacy': {
      kp.kind = K_EFFICACY;
      kp.lo = s.clamp ? s.clamp[0] : 60;
      kp.hi = s.clamp ? s.clamp[1] : 100;
      kp.dz = node.dz === 'zero' ? 0 : node.dz === 'full' ? 1 : Number.NaN;
      // Limits per scope part: the present values' min / max (efficacy.prepare), found in one
      // pass in unit order, which is each part's own order, so the same numbers.
      const scope = s.scope ?? 'group';
      const partOf = scope === 'all' ? lay.partAll : scope === 'category' ? lay.partCategory : unitGroup;
      const nParts = scope === 'all' ? 1 : scope === 'category' ? lay.byCategory.size : nG;
      if (kp.effS.length < nParts) {
        kp.effS = new Float64Array(nParts);
        kp.effH = new Float64Array(nParts);
      }
      const higher = node.direction === 'higher';
      if (s.limits === 'group') {
        const mn = kp.effS;
        const mx = kp.effH;
        mn.fill(Number.POSITIVE_INFINITY);
        mx.fill(Number.NEGATIVE_INFINITY);
        const off = slot * nU;
        for (let u = 0; u < nU; u++) {
          const x = fv[off + u]!;
          if (Number.isNaN(x) || !(scaleOf[unitGroup[u]!]! > 0)) continue;
          const q = partOf[u]!;
          if (x < mn[q]!) mn[q] = x;
          if (x > mx[q]!) mx[q] = x;
        }
        if (!higher)
          for (let q = 0; q < nParts; q++) {
            const t = mn[q]!;
            mn[q] = mx[q]!;
            mx[q] = t;
          }
      } else {
        kp.effS.fill(s.limits!.worst);
        kp.effH.fill(s.limits!.best);
      }
      kp.partOf = partOf;
      break;
    }
    default:
      return false;
  }
  return R;
}
