import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import {
  emptyKey,
  isPeriodOpen,
  isStaleRelease,
  rankCells,
  releaseBlock,
  runParam,
  statusView,
} from './runs.js';

const run = (over: Partial<Parameters<typeof statusView>[0]> = {}) => ({
  status: 'draft' as const,
  latest: true,
  computedAt: '2026-11-12T02:00:00Z',
  computedBy: 'office',
  releasedAt: null,
  releasedBy: null,
  ...over,
});

describe('statusView', () => {
  it('a draft names who computed it and when', () => {
    expect(statusView(run())).toEqual({
      key: 'runs.draft',
      color: 'gold',
      detailKey: 'runs.computedBy',
      by: 'office',
      at: '2026-11-12T02:00:00Z',
    });
  });
  it('a released run names who released it and when', () => {
    const v = statusView(
      run({ status: 'released', releasedBy: 'office2', releasedAt: '2026-11-13T01:00:00Z' }),
    );
    expect(v).toMatchObject({ key: 'runs.released', detailKey: 'runs.releasedByAt', by: 'office2' });
    expect(v.at).toBe('2026-11-13T01:00:00Z');
  });
});

describe('releaseBlock', () => {
  it('only the latest draft can be released', () => {
    expect(releaseBlock(run())).toBeNull();
    expect(releaseBlock(run({ latest: false }))).toBe('runs.notLatest');
    expect(releaseBlock(run({ status: 'released' }))).toBe('runs.alreadyReleased');
  });
});

describe('error codes', () => {
  it('recognises PERIOD_OPEN and a stale release', () => {
    expect(isPeriodOpen(new ApiError(409, 'PERIOD_OPEN', 'open'))).toBe(true);
    expect(isPeriodOpen(new ApiError(409, 'CONFLICT', 'x'))).toBe(false);
    expect(isPeriodOpen(new Error('PERIOD_OPEN'))).toBe(false);
    expect(isStaleRelease(new ApiError(409, 'RUN_NOT_LATEST', 'x'))).toBe(true);
    expect(isStaleRelease(new ApiError(409, 'CONFLICT', 'x'))).toBe(true);
    expect(isStaleRelease(new ApiError(403, 'FORBIDDEN', 'x'))).toBe(false);
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
