import { describe, expect, it } from 'vitest';
import { countTotals, defaultMethod, sampleRows, verdictProblem } from './model.js';

describe('verification helpers', () => {
  it('a sampled item starts as on-site, others as comprehensive', () => {
    expect(defaultMethod({ sampleId: 3 })).toBe('on_site');
    expect(defaultMethod({ sampleId: null })).toBe('comprehensive');
  });
  it('a fail needs a reason; nothing chosen blocks', () => {
    expect(verdictProblem(undefined, '')).toBe('result');
    expect(verdictProblem('fail', '  ')).toBe('note');
    expect(verdictProblem('fail', '数据与底单不符')).toBeNull();
    expect(verdictProblem('pass', '')).toBeNull();
  });
  it('sample rows keep drawing order and mark items no longer queued', () => {
    const items = [{ submission: { id: 5 } }, { submission: { id: 9 } }];
    expect(sampleRows([9, 4, 5], items)).toEqual([
      { submissionId: 9, item: { submission: { id: 9 } } },
      { submissionId: 4, item: null },
      { submissionId: 5, item: { submission: { id: 5 } } },
    ]);
  });
  it('totals per method', () => {
    expect(
      countTotals([
        { on_site: 1, work_slip: 2, comprehensive: 3, total: 6 },
        { on_site: 0, work_slip: 5, comprehensive: 1, total: 6 },
      ]),
    ).toEqual({ on_site: 1, work_slip: 7, comprehensive: 4, total: 12 });
  });
});
