import { step } from '../steps';
import { type ColumnIO, type ColumnParams, clamp01 } from './column';
import { checkScale, type MethodDef, missing, round2, type ScaleParams, scaleSchema } from './types';

/** `scale`: default 100. */
export interface SatisfactionSpec extends ScaleParams {
  kind: 'satisfaction';
}

/** Satisfaction score from the survey module (满意度): f = clamp(value / scale, 0, 1), scale 100. */
export const satisfaction: MethodDef<SatisfactionSpec> = {
  kind: 'satisfaction',
  schema: { properties: scaleSchema },
  inputs: ['value'],
  groupRelative: false,
  score(s, c, _ctx, tr) {
    const scale = s.scale ?? 100;
    if (tr) {
      tr.steps.push(step('satisfaction.formula', { scale }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    const f = satisfactionCell(c.value, scale);
    if (tr) tr.steps.push(step('satisfaction.result', { x: c.value, scale, f }));
    return f;
  },
  column: {
    setUp(s, _ctx, kp) {
      kp.p = s.scale ?? 100;
    },
    run(kp: ColumnParams, io: ColumnIO) {
      const { n, off, value: X, out } = io;
      const scale = kp.p;
      for (let i = 0; i < n; i++) out[i] = satisfactionCell(X[off + i]!, scale);
    },
  },
  maxFraction: () => 1,
  check: checkScale,
  sample(s, { perf }) {
    const scale = s.scale ?? 100;
    return { value: round2(Math.min(scale, scale * (0.72 + 0.22 * perf))) };
  },
};

/** The rule for one cell: clamp(x / scale, 0, 1); NaN when missing. */
export function satisfactionCell(x: number, scale: number): number {
  return Number.isNaN(x) ? Number.NaN : clamp01(x / scale);
}
