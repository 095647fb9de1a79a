import { describe, expect, it } from 'vitest';
import { adjustmentsOf, applyLinks, finishUnit } from './adjust';
import type { EvaluationInput } from './input';
import { prepared } from './stage-fixtures';
import { pointsPlan } from './test-fixtures';

/** Base, bonus, deductions and total from given own base scores (mini points plan: bonus cap 8). */
describe('adjust: links, bonus, deductions, total', () => {
  const units = ['A1', 'A2', 'A3'].map((code) => ({ code, group: 'A' }));
  const run = (input: Partial<EvaluationInput>, links = false) => {
    const plan = pointsPlan(links ? { links: [{ unit: 'A2', sources: ['A1', 'A3'], share: 0.4 }] } : {});
    const s = prepared(plan, { period: '2016-Y', units, values: [], ...input });
    s.st.ownBase.set([95, 80, 70]);
    const adj = adjustmentsOf(s.st);
    for (let u = 0; u < 3; u++) applyLinks(s.st, adj, u);
    for (let u = 0; u < 3; u++) finishUnit(s.st, adj, u);
    return s.st;
  };

  it('bonus within the shared cap, deductions off the total', () => {
    const st = run({
      bonuses: [
        { unit: 'A1', source: 'innovation', points: 5 },
        { unit: 'A1', source: 'ranking', points: 4.5 },
        { unit: 'A2', source: 'ranking', points: 2.25 },
      ],
      deductions: [{ unit: 'A1', points: 1.25, reason: 'late' }],
    });
    // A1: raw 9.5, capped at 8; 95 + 8 − 1.25 = 101.75. A2: 80 + 2.25. A3: 70.
    expect(Array.from(st.bonusRaw)).toEqual([9.5, 2.25, 0]);
    expect(Array.from(st.bonus)).toEqual([8, 2.25, 0]);
    expect(Array.from(st.deduction)).toEqual([1.25, 0, 0]);
    expect(Array.from(st.total)).toEqual([101.75, 82.25, 70]);
  });

  it('a linked unit takes a share of the mean of its sources', () => {
    const st = run({}, true);
    // A2: 0.6 × 80 + 0.4 × (95 + 70) / 2 = 48 + 33 = 81.
    expect(Array.from(st.base)).toEqual([95, 81, 70]);
    expect(Array.from(st.total)).toEqual([95, 81, 70]);
  });
});
