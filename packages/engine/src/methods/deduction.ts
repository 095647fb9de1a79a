import type { DeductionMethodSpec } from '../plan/types';
import { type MethodDef, missing, nonNegative } from './types';

/** Deduction from full marks (S11): score = max(0, full − count × perItem); f = score / full. */
export const deduction: MethodDef<DeductionMethodSpec> = {
  kind: 'deduction',
  inputs: ['value'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    if (tr) {
      tr.formula = `f = max(0, full − count × ${s.perItem}) / full`;
      tr.vars.count = Number.isNaN(c.value) ? null : c.value;
      tr.vars.full = ctx.scale;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (!(ctx.scale > 0)) return 0;
    return Math.max(0, ctx.scale - Math.max(0, c.value) * s.perItem) / ctx.scale;
  },
  maxFraction: () => 1,
  check: (s) => nonNegative('perItem', s.perItem),
};
