import type { ManualSpec } from '../plan/types';
import { step } from '../steps';
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
      tr.steps.push(step('manual.formula', { scale }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (!(scale > 0)) return 0;
    const f = clamp(c.value / scale, 0, 1);
    if (tr) tr.steps.push(step('manual.result', { x: c.value, scale, f }));
    return f;
  },
  maxFraction: () => 1,
  check: (s) => (s.scale !== undefined && !(s.scale > 0) ? ['scale must be > 0'] : []),
};
