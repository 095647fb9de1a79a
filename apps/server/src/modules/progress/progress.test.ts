import { describe, expect, it } from 'vitest';
import { bulletinTitle } from './bulletin.js';
import { accumulation, cumulativeActual, progressOf, quarterEnd, scheduleOf, tracked } from './progress.js';

describe('progress math (pure)', () => {
  it('expected is target × months / 12; thresholds 100 % and 80 %', () => {
    // 120 × 6 / 12 = 60; 60 / 60 = 1 → on track.
    expect(progressOf(120, 60, 6)).toEqual({ expected: 60, ratio: 1, status: 'on_track' });
    // 48 / 60 = 0.8 → exactly the serious line: still only lagging.
    expect(progressOf(120, 48, 6)).toEqual({ expected: 60, ratio: 0.8, status: 'lagging' });
    // 47 / 60 = 0.78333 → serious.
    expect(progressOf(120, 47, 6)).toEqual({ expected: 60, ratio: 0.7833, status: 'serious' });
    // 100 × 10 / 12 = 83.3333; 90 / 83.3333 = 1.08 → on track.
    expect(progressOf(100, 90, 10)).toEqual({ expected: 83.3333, ratio: 1.08, status: 'on_track' });
  });
  it('a zero target expects nothing (no NaN); no target is no_target; nothing reported is no_data', () => {
    expect(progressOf(0, 0, 6)).toEqual({ expected: 0, ratio: null, status: 'on_track' });
    expect(progressOf(0, null, 12)).toEqual({ expected: 0, ratio: null, status: 'on_track' });
    expect(progressOf(null, 5, 6)).toEqual({ expected: null, ratio: null, status: 'no_target' });
    expect(progressOf(12, null, 3)).toEqual({ expected: 3, ratio: null, status: 'no_data' });
    // Reported zero is not "nothing reported": 0 / 3 = 0 → serious.
    expect(progressOf(12, 0, 3)).toEqual({ expected: 3, ratio: 0, status: 'serious' });
  });
  it('thresholds are parameters', () => {
    // 45 / 60 = 0.75: serious by default, only lagging when serious starts below 70 %.
    expect(progressOf(120, 45, 6, { onTrack: 1, serious: 0.7 }).status).toBe('lagging');
    expect(progressOf(120, 57, 6, { onTrack: 0.95, serious: 0.8 }).status).toBe('on_track');
  });
  it('monthly reports are year-to-date: the newest month counts; lower-is-better is not tracked', () => {
    const v = [
      { month: 1, value: 2 },
      { month: 3, value: 5 },
      { month: 2, value: 4 },
      { month: 7, value: 100 },
    ];
    // Months 1, 2, 3 reported (2, 4, 5); month 7 is after June.
    expect(cumulativeActual(v, 6)).toBe(5);
    expect(cumulativeActual(v, 0)).toBeNull();
    expect(accumulation({ methodKind: 'pro_rata' })).toBe('latest');
    expect(tracked({ direction: 'lower' })).toBe(false);
    expect(tracked({})).toBe(true);
  });
  it('only amounts held against a target are scheduled; a rate is due in full all year', () => {
    expect(tracked({ methodKind: 'completion' })).toBe(true);
    expect(tracked({ methodKind: 'pro_rata' })).toBe(true);
    expect(tracked({ methodKind: 'efficacy' })).toBe(false); // relative to the group
    expect(tracked({ methodKind: 'bands' })).toBe(false);
    expect(scheduleOf({ unit: '%' })).toBe('level');
    expect(scheduleOf({ unit: '万元' })).toBe('pro_rata');
    // A rate of 92 % against a 95 % target in October: held against 95 (12 of 12 months).
    // 92 / 95 = 0.96842 → lagging; pro-rata it would have been 92 / 79.1667 = 1.16 → on track.
    expect(progressOf(95, 92, 12)).toEqual({ expected: 95, ratio: 0.9684, status: 'lagging' });
  });
  it('quarters end in their third month; the bulletin title is Chinese', () => {
    expect(quarterEnd('2026-Q3')).toBe('2026-M09');
    expect(quarterEnd('2026-Q1')).toBe('2026-M03');
    expect(bulletinTitle('2026-Q3')).toBe('2026年第三季度绩效管理工作通报');
  });
});
