import { step } from '../steps';
import { type ColumnIO, type ColumnParams, clamp01 } from './column';
import { checkScale, type MethodDef, missing, round2, type ScaleParams, scaleSchema } from './types';

/** `scale`: default is the indicator's own full score. */
export interface ManualSpec extends ScaleParams {
  kind: 'manual';
}

/**
 * Manual qualitative score (定性评价): the assessor enters a score on `scale` (default: the
 * indicator's own full score); f = clamp(value / scale, 0, 1).
 */
export const manual: MethodDef<ManualSpec> = {
  kind: 'manual',
  schema: { properties: scaleSchema },
  inputs: ['value'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const scale = s.scale ?? ctx.scale;
    if (tr) {
      tr.steps.push(step('manual.formula', { scale }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (!(scale > 0)) return 0;
    const f = manualCell(c.value, scale);
    if (tr) tr.steps.push(step('manual.result', { x: c.value, scale, f }));
    return f;
  },
  column: {
    setUp(s, _ctx, kp) {
      kp.p = s.scale ?? Number.NaN;
    },
    run(kp: ColumnParams, io: ColumnIO) {
      const { n, off, value: X, out, group, scaleOf } = io;
      const p = kp.p;
      // Without a scale of its own the score is on the item's full points.
      for (let i = 0; i < n; i++) out[i] = manualCell(X[off + i]!, Number.isNaN(p) ? scaleOf[group[i]!]! : p);
    },
  },
  maxFraction: () => 1,
  check: checkScale,
  sample(s, { perf, full }) {
    const scale = s.scale ?? full;
    return { value: round2(Math.min(scale, scale * (0.7 + 0.27 * perf))) };
  },
};

/** The rule for one cell: clamp(x / scale, 0, 1), 0 when the scale is not positive; NaN when missing. */
export function manualCell(x: number, scale: number): number {
  return Number.isNaN(x) ? Number.NaN : !(scale > 0) ? 0 : clamp01(x / scale);
}
