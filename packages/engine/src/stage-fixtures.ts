import { compilePlan } from './compile';
import type { EvaluationInput } from './input';
import { buildLayout } from './layout';
import { loadInput } from './load-input';
import type { Plan } from './plan/types';
import { miniInput, pointsPlan } from './test-fixtures';

/** Test helper: the compiled plan, loaded state and layout the stages run on (no stage run yet). */
export function prepared(plan: Plan, input: EvaluationInput) {
  const cp = compilePlan(plan);
  const st = loadInput(cp, input);
  const lay = buildLayout(cp, st);
  return { cp, st, lay };
}

/**
 * The mini points plan with its four units (test-fixtures' miniInput, hand sums there) and no
 * events, A3's T1 left out (re-weighted: see aggregate.test).
 */
export function miniPoints() {
  const { period, units, values } = miniInput();
  return prepared(pointsPlan(), {
    period,
    units,
    values: values.filter((v) => !(v.unit === 'A3' && v.indicator === 'T1')),
  });
}
