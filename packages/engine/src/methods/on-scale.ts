import { step } from '../steps';
import { type ColumnIO, type ColumnParams, clamp01 } from './column';
import { checkScale, type MethodDef, missing, round2, type ScaleParams, scaleSchema } from './types';

/**
 * A score entered on a scale: f = clamp(value / scale, 0, 1), 0 when the scale is not positive.
 * The rule of two methods that differ only in their default scale and in who enters the value:
 * manual (an assessor, on the item's full points) and satisfaction (the survey module, on 100).
 */
export function onScale<S extends ScaleParams & { kind: 'manual' | 'satisfaction' }>(def: {
  kind: S['kind'];
  /** The scale when the spec sets none: a number, or 'full' for the item's own full points. */
  defaultScale: number | 'full';
  /** Generated values lie around scale · (low + spread · perf). */
  sample: { low: number; spread: number };
}): MethodDef<S> {
  const { kind, defaultScale } = def;
  const fixed = defaultScale === 'full' ? Number.NaN : defaultScale;
  const scaleOf = (s: S, full: number) => s.scale ?? (defaultScale === 'full' ? full : defaultScale);
  return {
    kind,
    schema: { properties: scaleSchema },
    inputs: ['value'],
    groupRelative: false,
    score(s, c, ctx, tr) {
      const scale = scaleOf(s, ctx.scale);
      if (tr) {
        tr.steps.push(step(`${kind}.formula`, { scale }));
        tr.vars.x = Number.isNaN(c.value) ? null : c.value;
      }
      if (Number.isNaN(c.value)) return missing(tr, 'value');
      const f = onScaleCell(c.value, scale);
      if (tr) tr.steps.push(step(`${kind}.result`, { x: c.value, scale, f }));
      return f;
    },
    column: {
      setUp(s, _ctx, kp) {
        kp.p = s.scale ?? fixed;
      },
      run(kp: ColumnParams, io: ColumnIO) {
        const { n, off, value: X, out, group, scaleOf: fullOf } = io;
        const p = kp.p;
        // Without a scale of its own or a fixed default the score is on the item's full points.
        for (let i = 0; i < n; i++)
          out[i] = onScaleCell(X[off + i]!, Number.isNaN(p) ? fullOf[group[i]!]! : p);
      },
    },
    maxFraction: () => 1,
    check: checkScale,
    sample(s, { perf, full }) {
      const scale = scaleOf(s, full);
      return { value: round2(Math.min(scale, scale * (def.sample.low + def.sample.spread * perf))) };
    },
  };
}

/** The rule for one cell: clamp(x / scale, 0, 1), 0 when the scale is not positive; NaN when missing. */
export function onScaleCell(x: number, scale: number): number {
  return Number.isNaN(x) ? Number.NaN : !(scale > 0) ? 0 : clamp01(x / scale);
}
