import type { SatisfactionSpec } from '../plan/types';
import { clamp, type MethodDef, missing } from './types';

/** Satisfaction score from the survey module (满意度): f = clamp(value / scale, 0, 1), scale 100. */
export const satisfaction: MethodDef<SatisfactionSpec> = {
  kind: 'satisfaction',
  inputs: ['value'],
  groupRelative: false,
  score(s, c, _ctx, tr) {
    const scale = s.scale ?? 100;
    if (tr) {
      tr.formula = `f = clamp(x / ${scale}, 0, 1)`;
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    return clamp(c.value / scale, 0, 1);
  },
  maxFraction: () => 1,
  check: (s) => (s.scale !== undefined && !(s.scale > 0) ? ['scale must be > 0'] : []),
};
