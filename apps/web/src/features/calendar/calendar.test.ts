import { describe, expect, it } from 'vitest';
import {
  cstDay,
  cstInstant,
  groupByDueDay,
  initialMonth,
  periodKind,
  periodShort,
  sortedWindows,
} from './calendar.js';

const w = (period: string, dueAt: string, state: 'open' | 'late' | 'closed' = 'open', closed = false) => ({
  period,
  dueAt,
  state,
  closed,
});

describe('days in Beijing time', () => {
  it('takes the day in UTC+8', () => {
    // 23:59:59 on 10 Nov in Beijing is 15:59:59Z the same day.
    expect(cstDay('2026-11-10T15:59:59.000Z')).toBe('2026-11-10');
    // 00:30 on 11 Nov in Beijing is 16:30Z on the 10th.
    expect(cstDay('2026-11-10T16:30:00.000Z')).toBe('2026-11-11');
    expect(cstInstant('2026-11-10', 'end')).toBe('2026-11-10T23:59:59+08:00');
    expect(cstInstant('2026-11-01', 'start')).toBe('2026-11-01T00:00:00+08:00');
  });
});

describe('periods', () => {
  it('kinds and short labels', () => {
    expect(['2026-M10', '2026-Q3', '2026-H1', '2026-Y'].map(periodKind)).toEqual(['M', 'Q', 'H', 'Y']);
    expect(periodShort('2026-M10')).toBe('M10');
  });
});

describe('groupByDueDay', () => {
  it('groups by due day, months before quarters', () => {
    const g = groupByDueDay([
      w('2026-Q3', '2026-10-15T15:59:59.000Z'),
      w('2026-M10', '2026-11-10T15:59:59.000Z'),
      w('2026-M09', '2026-10-10T15:59:59.000Z'),
      w('2026-H1', '2026-07-20T15:59:59.000Z'),
      w('2026-M06', '2026-07-20T15:59:59.000Z'),
    ]);
    expect([...g.keys()].sort()).toEqual(['2026-07-20', '2026-10-10', '2026-10-15', '2026-11-10']);
    expect(g.get('2026-07-20')!.map((x) => x.period)).toEqual(['2026-M06', '2026-H1']);
    expect(g.get('2026-11-10')!.map((x) => x.period)).toEqual(['2026-M10']);
  });
});

describe('sortedWindows', () => {
  it('sorts by due date and filters by kind and state', () => {
    const all = [
      w('2026-Q3', '2026-10-15T15:59:59.000Z', 'closed', true),
      w('2026-M10', '2026-11-10T15:59:59.000Z', 'late'),
      w('2026-M09', '2026-10-10T15:59:59.000Z', 'closed', true),
    ];
    expect(sortedWindows(all).map((x) => x.period)).toEqual(['2026-M09', '2026-Q3', '2026-M10']);
    expect(sortedWindows(all, { kinds: ['M'] }).map((x) => x.period)).toEqual(['2026-M09', '2026-M10']);
    expect(sortedWindows(all, { states: ['late'] }).map((x) => x.period)).toEqual(['2026-M10']);
  });
});

describe('initialMonth', () => {
  const all = [
    w('2026-M01', '2026-02-10T15:59:59.000Z', 'closed', true),
    w('2026-M10', '2026-11-10T15:59:59.000Z', 'late'),
    w('2026-Y', '2027-01-20T15:59:59.000Z'),
  ];
  it("opens on today's month inside the plan's deadlines", () => {
    expect(initialMonth(all, '2026-11-22T07:00:00Z')).toBe('2026-11');
  });
  it('otherwise on the first deadline not closed', () => {
    expect(initialMonth(all, '2025-05-01T00:00:00Z')).toBe('2026-11');
    expect(initialMonth([all[0]!], '2030-01-01T00:00:00Z')).toBe('2026-02');
    expect(initialMonth([], '2026-01-01T00:00:00Z')).toBeNull();
  });
});
