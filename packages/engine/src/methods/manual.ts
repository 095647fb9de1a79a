import type { ManualSpec } from '../plan/types';
import { clamp, type MethodDef, missing } from './types';

/**
 * Manual qualitative score (定性评价): the assessor enters a score on `scale` (default: the
 * indicator's own full score); f = clamp(value / scale, 0, 1).
 */
export const manual: MethodDef<ManualSpec> = {
  kind: 'manual',
  inputs: ['value'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const scale = s.scale ?? ctx.scale;
    if (tr) {
      tr.formula = `f = clamp(x / ${scale}, 0, 1)`;
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (!(scale > 0)) return 0;
    return clamp(c.value / scale, 0, 1);
  },
  maxFraction: () => 1,
  check: (s) => (s.scale !== undefined && !(s.scale > 0) ? ['scale must be > 0'] : []),
};
