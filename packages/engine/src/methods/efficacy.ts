import { type MethodIssue, methodIssue } from '../plan/issue-codes';
import { step } from '../steps';
import { type ColumnIO, type ColumnParams, dzFraction } from './column';
import { type GradeParams, gradeMaxFraction, gradeSchema } from './grade';
import { type MethodDef, missing, sampleGroupRelative, schemas, zeroDivision } from './types';

interface EfficacyStats {
  min: number;
  max: number;
}

/** Efficacy's parameters; d's clamp defaults to [60, 100]. */
export interface EfficacySpec extends GradeParams {
  kind: 'efficacy';
  /** Fixed limits, or 'group': the scope's worst and best values. */
  limits: 'group' | { worst: number; best: number };
}

/**
 * Efficacy coefficient (功效系数法): d = 60 + 40 · (x − x_s) / (x_h − x_s), clamped (default
 * [60, 100]); f = d / 100. x_s is the unacceptable value, x_h the satisfactory one: fixed, or the
 * scope's worst and best present values (for lower-is-better the worst is the maximum).
 */
export const efficacy: MethodDef<EfficacySpec> = {
  kind: 'efficacy',
  schema: {
    required: ['limits'],
    properties: {
      limits: {
        oneOf: [
          { const: 'group' },
          {
            type: 'object',
            required: ['worst', 'best'],
            properties: { worst: schemas.number, best: schemas.number },
            additionalProperties: false,
          },
        ],
      },
      ...gradeSchema,
    },
  },
  inputs: ['value'],
  groupRelative: true,
  prepare(_s, values) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max } satisfies EfficacyStats;
  },
  score(s, c, ctx, tr) {
    const lo = s.clamp ? s.clamp[0] : 60; // no array per call on the hot path
    const hi = s.clamp ? s.clamp[1] : 100;
    let xs: number;
    let xh: number;
    if (s.limits === 'group') {
      const st = ctx.stats as EfficacyStats;
      xs = ctx.direction === 'higher' ? st.min : st.max;
      xh = ctx.direction === 'higher' ? st.max : st.min;
    } else {
      xs = s.limits.worst;
      xh = s.limits.best;
    }
    // A scope without any present value has no worst and no best (prepare leaves ±Infinity).
    const noLimits = !(Number.isFinite(xs) && Number.isFinite(xh));
    if (tr) {
      tr.steps.push(step('efficacy.formula', { lo, hi }));
      Object.assign(tr.vars, {
        x: Number.isNaN(c.value) ? null : c.value,
        x_s: noLimits ? null : xs,
        x_h: noLimits ? null : xh,
      });
      if (noLimits) tr.notes.push(step('note.no_limits'));
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    // Unreachable through evaluate (a present x is itself in its scope); kept for direct calls.
    if (noLimits) return Number.NaN;
    if (xh === xs) return zeroDivision(ctx, tr, 'limits');
    const d = efficacyD(c.value, xs, xh, lo, hi);
    if (tr) {
      tr.vars.d = d;
      tr.steps.push(step('efficacy.result', { x: c.value, xs, xh, lo, hi, d, f: d / 100 }));
    }
    return d / 100;
  },
  column: {
    setUp(s, ctx, kp, io) {
      kp.lo = s.clamp ? s.clamp[0] : 60;
      kp.hi = s.clamp ? s.clamp[1] : 100;
      kp.dz = dzFraction(ctx);
      const parts = io.part === null ? 1 : io.parts;
      if (kp.effS.length < parts) {
        kp.effS = new Float64Array(parts);
        kp.effH = new Float64Array(parts);
      }
      const higher = ctx.direction === 'higher';
      if (s.limits !== 'group') {
        kp.effS.fill(s.limits.worst);
        kp.effH.fill(s.limits.best);
      } else if (io.part === null) {
        // One scope part: its statistics from prepare().
        const st = ctx.stats as EfficacyStats;
        kp.effS[0] = higher ? st.min : st.max;
        kp.effH[0] = higher ? st.max : st.min;
      } else scopeLimits(kp, io, parts, higher);
    },
    run(kp: ColumnParams, io: ColumnIO) {
      const { n, off, value: X, out, part } = io;
      const { lo, hi, dz, effS, effH } = kp;
      for (let i = 0; i < n; i++) {
        const q = part === null ? 0 : part[i]!;
        out[i] = efficacyCell(X[off + i]!, effS[q]!, effH[q]!, lo, hi, dz);
      }
    },
  },
  maxFraction: gradeMaxFraction,
  check(s) {
    const out: MethodIssue[] = [];
    if (s.limits !== 'group') {
      if (!Number.isFinite(s.limits?.worst) || !Number.isFinite(s.limits?.best))
        out.push(methodIssue('method.limits_missing', {}));
      else if (s.limits.worst === s.limits.best) out.push(methodIssue('method.limits_equal', {}));
    }
    if (s.clamp && !(s.clamp[0] >= 0 && s.clamp[1] >= s.clamp[0]))
      out.push(methodIssue('method.clamp_invalid', {}));
    return out;
  },
  sample: (_s, draw) => sampleGroupRelative(draw),
};

/** d = 60 + 40 · (x − x_s) / (x_h − x_s), clamped to [lo, hi]. */
export function efficacyD(x: number, xs: number, xh: number, lo: number, hi: number): number {
  const d = 60 + (40 * (x - xs)) / (xh - xs);
  return d < lo ? lo : d > hi ? hi : d;
}

/** The rule for one cell: d / 100; `dz` when x_h = x_s; NaN when missing. */
export function efficacyCell(x: number, xs: number, xh: number, lo: number, hi: number, dz: number): number {
  return Number.isNaN(x) ? Number.NaN : xh === xs ? dz : efficacyD(x, xs, xh, lo, hi) / 100;
}

/**
 * Worst and best present value of each scope part over every item (the same min / max as
 * prepare() per part, found in one pass in item order); an item without full points is left out.
 */
function scopeLimits(kp: ColumnParams, io: ColumnIO, parts: number, higher: boolean): void {
  const mn = kp.effS;
  const mx = kp.effH;
  mn.fill(Number.POSITIVE_INFINITY);
  mx.fill(Number.NEGATIVE_INFINITY);
  const { n, off, value: X, part, group, scaleOf } = io;
  for (let i = 0; i < n; i++) {
    const x = X[off + i]!;
    if (Number.isNaN(x) || !(scaleOf[group[i]!]! > 0)) continue;
    const q = part![i]!;
    if (x < mn[q]!) mn[q] = x;
    if (x > mx[q]!) mx[q] = x;
  }
  if (!higher)
    for (let q = 0; q < parts; q++) {
      const t = mn[q]!;
      mn[q] = mx[q]!;
      mx[q] = t;
    }
}
