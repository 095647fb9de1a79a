import { describe, expect, it } from 'vitest';
import { appliedDeduction, deductFromComponent } from './component-deductions';

// Wuxi city departments (seed 002, rule W9): 日常督察 25 points; its deductions are fed back to the
// unit (扣分情况直接反馈) and come off the daily-inspection part, not below 0.
describe('deductions off a component with a floor', () => {
  it('25 − 3.5 = 21.5', () => {
    expect(deductFromComponent(25, 3.5, 0)).toBe(21.5);
    expect(appliedDeduction(25, 3.5, 0)).toBe(3.5);
  });
  it('25 − 30 stops at the floor 0: 25 applied, 5 lost', () => {
    expect(deductFromComponent(25, 30, 0)).toBe(0);
    expect(appliedDeduction(25, 30, 0)).toBe(25);
  });
  it('a floor of 10: 25 − 18 → 10 (15 applied)', () => {
    expect(deductFromComponent(25, 18, 10)).toBe(10);
    expect(appliedDeduction(25, 18, 10)).toBe(15);
  });
  it('a score already below the floor loses nothing; no deductions change nothing', () => {
    expect(deductFromComponent(8, 2, 10)).toBe(8);
    expect(deductFromComponent(20, 0, 0)).toBe(20);
  });
  it('in units of 0.01 the result is an exact integer: 2250 − 175 = 2075', () => {
    expect(deductFromComponent(2250, 175, 0)).toBe(2075);
  });
});
