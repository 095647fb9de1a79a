import { step } from '../steps';
import { maxRatioFraction, type RatioParams, ratioColumn, ratioFraction, ratioSchema } from './ratio';
import { choice, type MethodDef, missing, nonNegative, round2, withChoice } from './types';

/** Pro-rata's parameters; `below`, `excessRate` and `excessCap` are the ratio rule's (ratio.ts). */
export interface ProRataSpec extends RatioParams {
  kind: 'pro_rata';
  basis: 'month' | 'day';
}

const basisParam = choice<ProRataSpec['basis']>('basis', ['month', 'day']);

/**
 * Pro-rata progress (序时进度, S9): the yearly target scaled by the share of the year elapsed
 * at the end of the evaluated period (by month or by day), then scored like completion.
 */
export const proRata: MethodDef<ProRataSpec> = {
  kind: 'pro_rata',
  schema: withChoice(basisParam, ratioSchema),
  inputs: ['value', 'target'],
  groupRelative: false,
  score(s, c, ctx, tr) {
    const ref = c.target * ctx.elapsed;
    if (tr) {
      tr.steps.push(step('pro_rata.formula', { basis: s.basis }));
      tr.vars.x = Number.isNaN(c.value) ? null : c.value;
      tr.vars.target = Number.isNaN(c.target) ? null : c.target;
      tr.vars.elapsed = ctx.elapsed;
      tr.vars.ref = Number.isNaN(ref) ? null : ref;
    }
    if (Number.isNaN(c.value)) return missing(tr, 'value');
    if (Number.isNaN(c.target)) return missing(tr, 'target');
    if (tr) tr.steps.push(step('pro_rata.reference', { target: c.target, elapsed: ctx.elapsed, ref }));
    return ratioFraction(c.value, ref, s, ctx.direction, ctx, tr);
  },
  // The scalar form computes target × elapsed; elapsed = 1 multiplies exactly, so the column does too.
  column: ratioColumn((_s, ctx) => ({ baseline: false, factor: ctx.elapsed })),
  maxFraction: maxRatioFraction,
  check: (s) => [
    ...basisParam.check(s.basis),
    ...nonNegative('method.excess_rate_negative', s.excessRate),
    ...nonNegative('method.excess_cap_negative', s.excessCap),
  ],
  sample: (_s, { target, elapsed, perf }) => ({ value: round2(target * elapsed * perf), target }),
};
