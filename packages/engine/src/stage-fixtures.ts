import { compilePlan } from './compile';
import type { EvaluationInput } from './input';
import { buildLayout } from './layout';
import { loadInput } from './load-input';
import type { Plan } from './plan/types';
import { pointsPlan } from './test-fixtures';

/** Test helper: the compiled plan, loaded state and layout the stages run on (no stage run yet). */
export function prepared(plan: Plan, input: EvaluationInput) {
  const cp = compilePlan(plan);
  const st = loadInput(cp, input);
  const lay = buildLayout(cp, st);
  return { cp, st, lay };
}

/** The mini points plan (test-fixtures) with four units of group A, values chosen for hand sums. */
export function miniPoints() {
  const v = (unit: string, indicator: string, value: number, target?: number) => ({
    unit,
    indicator,
    value,
    target,
  });
  return prepared(pointsPlan(), {
    period: '2016-Y',
    units: ['A1', 'A2', 'A3', 'A4'].map((code) => ({ code, group: 'A' })),
    values: [
      // A1: T1 95/100 × 30 = 28.5; T2 110/100 → 1 + min(0.1, 0.5 × 0.1) = 1.05 × 20 = 21;
      // D1 25 − 1 × 2 = 23; S1 90/100 × 25 = 22.5. Base 28.5 + 21 + 23 + 22.5 = 95.
      v('A1', 'T1', 95, 100),
      v('A1', 'T2', 110, 100),
      v('A1', 'D1', 1),
      v('A1', 'S1', 90),
      // A2: 30 + 90/100 × 20 = 18 + 25 + 88.8/100 × 25 = 22.2 → 95.2.
      v('A2', 'T1', 100, 100),
      v('A2', 'T2', 90, 100),
      v('A2', 'D1', 0),
      v('A2', 'S1', 88.8),
      // A3: T1 missing (re-weighted: T = 20 of 20 present points → 50 × 20/20... see aggregate.test).
      v('A3', 'T2', 100, 100),
      v('A3', 'D1', 3),
      v('A3', 'S1', 86.7),
      // A4: 99.99/100 × 30 = 29.997 → 30.00; 105/100 → 1.025 × 20 = 20.5; 25; 25 → 100.5.
      v('A4', 'T1', 99.99, 100),
      v('A4', 'T2', 105, 100),
      v('A4', 'D1', 0),
      v('A4', 'S1', 100),
    ],
  });
}
