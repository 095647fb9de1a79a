import type { DeductionMethodSpec } from '../plan/types';
import { step } from '../steps';
import { type MethodDef, missing, nonNegative } from './types';

/** Deduction from full marks (S11): score = max(0, full − count × perItem); f = score / full. */
export const deduction: MethodDef<DeductionMethodSpec> = {
  kind: 'deduction',
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
    const f = Math.max(0, ctx.scale - Math.max(0, c.value) * s.perItem) / ctx.scale;
    // A negative count counts as 0: the worked line is shown only when it reads as written.
    if (tr && c.value >= 0)
      tr.steps.push(step('deduction.result', { full: ctx.scale, count: c.value, perItem: s.perItem, f }));
    return f;
  },
  maxFraction: () => 1,
  check: (s) => nonNegative('perItem', s.perItem),
};
