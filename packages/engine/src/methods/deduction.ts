import { step } from '../steps';
import type { ColumnIO, ColumnParams } from './column';
import { type MethodDef, missing, nonNegative, schemas } from './types';

export interface DeductionMethodSpec {
  kind: 'deduction';
  /** Points deducted per counted item (S11); the value is the count. */
  perItem: number;
}

/** Deduction from full marks (S11): score = max(0, full − count × perItem); f = score / full. */
export const deduction: MethodDef<DeductionMethodSpec> = {
  kind: 'deduction',
  schema: { required: ['perItem'], properties: { perItem: schemas.nonNegative } },
  direction: 'lower',
  inputs: ['value'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    if (tr) {
      tr.steps.push(step('deduction.formula', { perItem: s.perItem }));
      tr.vars.count = Number.isNaN(c.value) ? null : c.value;
      tr.vars.full = ctx.scale;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (!(ctx.scale > 0)) return 0;
    const f = deductionCell(c.value, ctx.scale, s.perItem);
    // A negative count counts as 0: the worked line is shown only when it reads as written.
    if (tr && c.value >= 0)
      tr.steps.push(step('deduction.result', { full: ctx.scale, count: c.value, perItem: s.perItem, f }));
    return f;
  },
  column: {
    setUp(s, _ctx, kp) {
      kp.p = s.perItem;
    },
    run(kp: ColumnParams, io: ColumnIO) {
      const { n, off, value: X, out, group, scaleOf } = io;
      const per = kp.p;
      for (let i = 0; i < n; i++) out[i] = deductionCell(X[off + i]!, scaleOf[group[i]!]!, per);
    },
  },
  maxFraction: () => 1,
  check: (s) => nonNegative('method.per_item_negative', s.perItem),
  sample: (_s, { perf, rnd }) => ({ value: Math.max(0, Math.round((1.05 - perf) * 10 * rnd())) }),
};

const SEL = new Float64Array(2);

/**
 * The rule for one cell: max(0, full − max(0, count) × perItem) / full; 0 without full points;
 * NaN when missing. The outer max by index (t ≤ 0 picks +0, as Math.max(0, −0) does).
 */
export function deductionCell(x: number, full: number, perItem: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (!(full > 0)) return 0;
  const t = full - Math.max(0, x) * perItem;
  SEL[0] = t;
  SEL[1] = 0;
  return SEL[+(t <= 0)]! / full;
}
