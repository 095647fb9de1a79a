import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import { emptyKey, isPeriodOpen, isStaleStep, rankCells, runParam, runSteps, statusView } from './runs.js';

const run = (over: Partial<Parameters<typeof statusView>[0]> = {}) => ({
  status: 'draft' as const,
  latest: true,
  computedAt: '2026-11-12T02:00:00Z',
  computedBy: 'office',
  submittedAt: null,
  submittedBy: null,
  releasedAt: null,
  releasedBy: null,
  publicity: null,
  ...over,
});

describe('statusView', () => {
  it('a draft names who computed it and when', () => {
    expect(statusView(run())).toEqual({
      key: 'runs.status.draft',
      color: 'gold',
      detailKey: 'runs.computedBy',
      by: 'office',
      at: '2026-11-12T02:00:00Z',
    });
  });
  it('a released run names the leader who approved it and when', () => {
    const v = statusView(
      run({ status: 'released', releasedBy: 'leader', releasedAt: '2026-11-13T01:00:00Z' }),
    );
    expect(v).toMatchObject({ key: 'runs.status.released', detailKey: 'runs.releasedByAt', by: 'leader' });
    expect(v.at).toBe('2026-11-13T01:00:00Z');
  });
  it('a run waiting for approval names who submitted it', () => {
    expect(
      statusView(run({ status: 'approval', submittedBy: 'office', submittedAt: '2026-11-14T01:00:00Z' })),
    ).toMatchObject({ key: 'runs.status.approval', detailKey: 'runs.submittedByAt', by: 'office' });
  });
});

describe('runSteps', () => {
  const office = { release: true, approve: false, compute: true };
  const leader = { release: false, approve: true, compute: false };
  it('the office publishes or submits the latest draft, submits a run in publicity, corrects a release', () => {
    expect(runSteps(run(), office)).toEqual(['publish', 'submit']);
    expect(runSteps(run({ status: 'publicity' }), office)).toEqual(['submit']);
    expect(runSteps(run({ status: 'approval' }), office)).toEqual([]);
    expect(runSteps(run({ status: 'released' }), office)).toEqual(['correct']);
    expect(runSteps(run({ latest: false }), office)).toEqual([]);
  });
  it('a leader approves or returns a run waiting for approval, and nothing else', () => {
    expect(runSteps(run({ status: 'approval' }), leader)).toEqual(['approve', 'return']);
    expect(runSteps(run(), leader)).toEqual([]);
    expect(runSteps(run({ status: 'released' }), leader)).toEqual([]);
  });
});

describe('error codes', () => {
  it('recognises PERIOD_OPEN and a stale step', () => {
    expect(isPeriodOpen(new ApiError(409, 'PERIOD_OPEN', 'open'))).toBe(true);
    expect(isPeriodOpen(new ApiError(409, 'CONFLICT', 'x'))).toBe(false);
    expect(isPeriodOpen(new Error('PERIOD_OPEN'))).toBe(false);
    expect(isStaleStep(new ApiError(409, 'RUN_NOT_LATEST', 'x'))).toBe(true);
    expect(isStaleStep(new ApiError(409, 'CONFLICT', 'x'))).toBe(true);
    expect(isStaleStep(new ApiError(403, 'FORBIDDEN', 'x'))).toBe(false);
  });
});

describe('emptyKey and runParam', () => {
  it('tells the office to compute and everyone else that nothing is released', () => {
    expect(emptyKey(true)).toBe('runs.noneComputed');
    expect(emptyKey(false)).toBe('runs.notReleased');
  });
  it('takes ?run= only when it names a listed run', () => {
    const runs = [{ id: 4 }, { id: 7 }];
    expect(runParam('4', runs)).toBe(4);
    expect(runParam('5', runs)).toBeUndefined();
    expect(runParam('x', runs)).toBeUndefined();
    expect(runParam(null, runs)).toBeUndefined();
    expect(runParam('5', undefined)).toBe(5);
  });
});

describe('rankCells', () => {
  it('one rank per unit, ties marked', () => {
    const cells = rankCells([
      { unit: 'A01', rank: 1 },
      { unit: 'A02', rank: 2 },
      { unit: 'A03', rank: 2 },
      { unit: 'A04', rank: 4 },
    ]);
    expect([...cells.entries()]).toEqual([
      ['A01', { rank: 1, tied: false }],
      ['A02', { rank: 2, tied: true }],
      ['A03', { rank: 2, tied: true }],
      ['A04', { rank: 4, tied: false }],
    ]);
  });
});
