import { step } from '../steps';
import { maxRatioFraction, type RatioParams, ratioColumn, ratioFraction, ratioSchema } from './ratio';
import { type MethodDef, missing, nonNegative, round2 } from './types';

/** Completion's parameters; `below`, `excessRate` and `excessCap` are the ratio rule's (ratio.ts). */
export interface CompletionSpec extends RatioParams {
  kind: 'completion';
  /** Compare with the target (default) or the baseline 基准线 (H3). */
  reference?: 'target' | 'baseline';
}

/** Completion against the target or the baseline (H3 with capped bonus, S6 without). */
export const completion: MethodDef<CompletionSpec> = {
  kind: 'completion',
  schema: { properties: { reference: { enum: ['target', 'baseline'] }, ...ratioSchema } },
  inputs: ['value', 'target'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const ref = s.reference === 'baseline' ? c.baseline : c.target;
    const refName = s.reference === 'baseline' ? 'baseline' : 'target';
    if (tr) {
      tr.steps.push(step('completion.formula', { ref: refName }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
      tr.vars.ref = Number.isNaN(ref) ? null : ref;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (Number.isNaN(ref)) return missing(tr, refName);
    return ratioFraction(c.value, ref, s, ctx.direction, ctx, tr);
  },
  column: ratioColumn((s) => ({ baseline: s.reference === 'baseline', factor: 1 })),
  maxFraction: maxRatioFraction,
  check: (s) => [
    ...nonNegative('method.excess_rate_negative', s.excessRate),
    ...nonNegative('method.excess_cap_negative', s.excessCap),
  ],
  sample(s, { direction, target, perf }) {
    const value = direction === 'higher' ? round2(target * perf) : round2(target / perf);
    return s.reference === 'baseline' ? { value, baseline: target } : { value, target };
  },
};
