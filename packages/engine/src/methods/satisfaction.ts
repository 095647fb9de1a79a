import type { SatisfactionSpec } from '../plan/types';
import { step } from '../steps';
import { clamp, type MethodDef, missing } from './types';

/** Satisfaction score from the survey module (满意度): f = clamp(value / scale, 0, 1), scale 100. */
export const satisfaction: MethodDef<SatisfactionSpec> = {
  kind: 'satisfaction',
  inputs: ['value'],
  groupRelative: false,
  score(s, c, _ctx, tr) {
    const scale = s.scale ?? 100;
    if (tr) {
      tr.steps.push(step('satisfaction.formula', { scale }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    const f = clamp(c.value / scale, 0, 1);
    if (tr) tr.steps.push(step('satisfaction.result', { x: c.value, scale, f }));
    return f;
  },
  maxFraction: () => 1,
  check: (s) => (s.scale !== undefined && !(s.scale > 0) ? ['scale must be > 0'] : []),
};
