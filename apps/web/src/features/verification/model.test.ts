import { describe, expect, it } from 'vitest';
import {
  correctedFrom,
  correctionChange,
  countTotals,
  defaultMethod,
  sampleRows,
  verdictProblem,
} from './model.js';

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
  it('a pass with a corrected value needs the reason, and a value that differs', () => {
    expect(verdictProblem('pass', '', 97.5, 98.6)).toBe('correctionNote');
    expect(verdictProblem('pass', ' ', 97.5, 98.6)).toBe('correctionNote');
    expect(verdictProblem('pass', '底单为 97.5', 97.5, 98.6)).toBeNull();
    expect(verdictProblem('pass', '底单为 97.5', 98.6, 98.6)).toBe('correctionSame');
    expect(verdictProblem('pass', '原报缺失', 3, null)).toBeNull();
    expect(verdictProblem('pass', '', 0, 5)).toBe('correctionNote');
    expect(verdictProblem('fail', '不符', 97.5, 98.6)).toBe('correctionOnFail');
    expect(verdictProblem('pass', '', null, 98.6)).toBeNull();
  });
  it('shows a correction as reported → verified', () => {
    expect(correctionChange(98.6, 97.5, '%')).toEqual({ from: '98.6 %', to: '97.5 %' });
    expect(correctionChange(0.1 + 0.2, 1, null)).toEqual({ from: '0.3', to: '1' });
    expect(correctionChange(null, 4)).toEqual({ from: '—', to: '4' });
    expect(correctionChange(98.6, null)).toBeNull();
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
  it('the reported value of a check is the last one submitted before it', () => {
    const history = [
      { value: 90, status: 'submitted', changedAt: '2026-11-01T08:00:00Z' },
      { value: 98.6, status: 'submitted', changedAt: '2026-11-02T08:00:00Z' },
      { value: 97.5, status: 'verified', changedAt: '2026-11-03T08:00:00Z' },
      { value: 99, status: 'submitted', changedAt: '2026-11-04T08:00:00Z' },
    ];
    expect(correctedFrom({ value: 99, history }, { verifiedAt: '2026-11-03T08:00:00Z' })).toBe(98.6);
    expect(correctedFrom({ value: 99, history: [] }, { verifiedAt: '2026-11-03T08:00:00Z' })).toBe(99);
  });
});
