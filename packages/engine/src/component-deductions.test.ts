import { describe, expect, it } from 'vitest';
import { appliedDeduction, deductFromComponent } from './component-deductions';

// Wuxi city departments (seed 002, rule W9): 日常督察 25 points; its deductions are fed back to the
// unit (扣分情况直接反馈) and come off the daily-inspection part, not below 0.
describe('deductions off a component with a floor', () => {
  // [case, score, deductions, floor, score after, deduction applied]
  it.each([
    ['25 − 3.5 = 21.5', 25, 3.5, 0, 21.5, 3.5],
    ['25 − 30 stops at the floor 0: 25 applied, 5 lost', 25, 30, 0, 0, 25],
    ['a floor of 10: 25 − 18 → 10 (15 applied)', 25, 18, 10, 10, 15],
    ['a score already below the floor loses nothing', 8, 2, 10, 8, 0],
    ['no deductions change nothing', 20, 0, 0, 20, 0],
    ['in units of 0.01 the result is an exact integer: 2250 − 175 = 2075', 2250, 175, 0, 2075, 175],
  ])('%s', (_, score, points, floor, after, applied) => {
    expect(deductFromComponent(score, points, floor)).toBe(after);
    expect(appliedDeduction(score, points, floor)).toBe(applied);
  });
});
