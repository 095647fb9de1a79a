import type {
  BandsSpec,
  CompletionSpec,
  DeductionMethodSpec,
  EfficacySpec,
  ManualSpec,
  MethodSpec,
  ProRataSpec,
  SatisfactionSpec,
} from '../plan/types';
import type { MethodContext } from './types';

/**
 * Column (vectorised) forms of the common methods, for the full-recompute fast path: one tight
 * loop over typed arrays per indicator with the parameters hoisted, instead of one call per
 * cell. Each must return exactly (Object.is) what the method's scalar `score` returns for the
 * same cell — columns.test.ts checks this on random inputs — because traces use `score`.
 * Methods without a column form use the scalar loop.
 */
export interface Columns {
  n: number;
  /** Inputs of item i are at [off + i] of value / target / baseline (target/baseline may be all-NaN arrays). */
  off: number;
  value: Float64Array;
  target: Float64Array;
  baseline: Float64Array;
  /** Full score of item i (ctx.scale of the scalar form); filled only for methods in NEEDS_SCALE. */
  scale: Float64Array;
  /** Fractions out, at [i]; NaN = missing. */
  out: Float64Array;
}

/** Methods whose column reads the per-item full score. */
export const NEEDS_SCALE: ReadonlySet<string> = new Set(['manual', 'deduction']);

function dzValue(ctx: MethodContext): number {
  return ctx.dz === 'zero' ? 0 : ctx.dz === 'full' ? 1 : Number.NaN;
}

function ratioColumn(
  X: Float64Array,
  R: Float64Array,
  refFactor: number,
  p: { below?: string; excessRate?: number; excessCap?: number },
  ctx: MethodContext,
  c: Columns,
): void {
  const out = c.out;
  const n = c.n;
  const off = c.off;
  const higher = ctx.direction === 'higher';
  const rate = p.excessRate ?? 0;
  const cap = p.excessCap ?? 0;
  const bonus = rate > 0 && cap > 0;
  const belowZero = p.below === 'zero';
  const dz = dzValue(ctx);
  for (let i = 0; i < n; i++) {
    const x = X[off + i]!;
    const ref = refFactor === 1 ? R[off + i]! : R[off + i]! * refFactor;
    if (Number.isNaN(x) || Number.isNaN(ref)) {
      out[i] = Number.NaN;
      continue;
    }
    if (!(ref > 0)) {
      out[i] = dz;
      continue;
    }
    const r = higher ? x / ref : x > 0 ? ref / x : Number.POSITIVE_INFINITY;
    out[i] = r >= 1 ? 1 + (bonus ? Math.min(cap, rate * (r - 1)) : 0) : belowZero ? 0 : Math.max(0, r);
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// biome-ignore lint/suspicious/noExplicitAny: dispatch by kind
type ColumnFn = (spec: any, ctx: MethodContext, c: Columns) => void;

export const COLUMNS: Partial<Record<MethodSpec['kind'], ColumnFn>> = {
  completion(s: CompletionSpec, ctx, c) {
    ratioColumn(c.value, s.reference === 'baseline' ? c.baseline : c.target, 1, s, ctx, c);
  },
  pro_rata(s: ProRataSpec, ctx, c) {
    // The scalar form computes target × elapsed; elapsed = 1 multiplies exactly, so pass it through.
    ratioColumn(c.value, c.target, ctx.elapsed, s, ctx, c);
  },
  satisfaction(s: SatisfactionSpec, _ctx, c) {
    const scale = s.scale ?? 100;
    for (let i = 0; i < c.n; i++) {
      const x = c.value[c.off + i]!;
      c.out[i] = Number.isNaN(x) ? Number.NaN : clamp01(x / scale);
    }
  },
  manual(s: ManualSpec, _ctx, c) {
    for (let i = 0; i < c.n; i++) {
      const x = c.value[c.off + i]!;
      const scale = s.scale ?? c.scale[i]!;
      c.out[i] = Number.isNaN(x) ? Number.NaN : !(scale > 0) ? 0 : clamp01(x / scale);
    }
  },
  deduction(s: DeductionMethodSpec, _ctx, c) {
    const per = s.perItem;
    for (let i = 0; i < c.n; i++) {
      const x = c.value[c.off + i]!;
      const S = c.scale[i]!;
      c.out[i] = Number.isNaN(x) ? Number.NaN : !(S > 0) ? 0 : Math.max(0, S - Math.max(0, x) * per) / S;
    }
  },
  bands(s: BandsSpec, _ctx, c) {
    const bp = s.breakpoints;
    const m = bp.length;
    const xs = Float64Array.from(bp, (b) => b[0]);
    const fs = Float64Array.from(bp, (b) => b[1]);
    for (let i = 0; i < c.n; i++) {
      const x = c.value[c.off + i]!;
      if (Number.isNaN(x)) {
        c.out[i] = Number.NaN;
        continue;
      }
      if (!s.interpolate) {
        let f = 0;
        for (let k = 0; k < m; k++) if (x >= xs[k]!) f = fs[k]!;
        c.out[i] = f;
        continue;
      }
      if (x <= xs[0]!) {
        c.out[i] = fs[0]!;
        continue;
      }
      let f = fs[m - 1]!;
      for (let k = 1; k < m; k++) {
        const x1 = xs[k]!;
        if (x <= x1) {
          const x0 = xs[k - 1]!;
          const f0 = fs[k - 1]!;
          f = f0 + ((fs[k]! - f0) * (x - x0)) / (x1 - x0);
          break;
        }
      }
      c.out[i] = f;
    }
  },
  efficacy(s: EfficacySpec, ctx, c) {
    const lo = s.clamp ? s.clamp[0] : 60;
    const hi = s.clamp ? s.clamp[1] : 100;
    let xs: number;
    let xh: number;
    if (s.limits === 'group') {
      const st = ctx.stats as { min: number; max: number };
      xs = ctx.direction === 'higher' ? st.min : st.max;
      xh = ctx.direction === 'higher' ? st.max : st.min;
    } else {
      xs = s.limits.worst;
      xh = s.limits.best;
    }
    const dz = dzValue(ctx);
    for (let i = 0; i < c.n; i++) {
      const x = c.value[c.off + i]!;
      if (Number.isNaN(x)) c.out[i] = Number.NaN;
      else if (xh === xs) c.out[i] = dz;
      else {
        const d = 60 + (40 * (x - xs)) / (xh - xs);
        c.out[i] = (d < lo ? lo : d > hi ? hi : d) / 100;
      }
    }
  },
};
