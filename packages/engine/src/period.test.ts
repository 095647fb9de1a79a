import { describe, expect, it } from 'vitest';
import { elapsedFraction, formatPeriod, parsePeriod, periodCodePattern, periodEndDayOfYear } from './period';

describe('periods', () => {
  it('parses and formats every granularity', () => {
    for (const code of ['2026-M01', '2026-M12', '2026-Q1', '2026-Q4', '2026-H1', '2026-H2', '2026-Y']) {
      const p = parsePeriod(code);
      expect(p).not.toBeNull();
      expect(formatPeriod(p!)).toBe(code);
    }
    expect(parsePeriod('2026-M13')).toBeNull();
    expect(parsePeriod('2026-M1')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('26-Y')).toBeNull();
  });
  it('pro-rata fraction by month and by day', () => {
    expect(elapsedFraction(parsePeriod('2026-M06')!, 'month')).toBe(0.5); // 6/12
    expect(elapsedFraction(parsePeriod('2026-Q1')!, 'month')).toBe(0.25); // 3/12
    // 2026 is not leap: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181
    expect(periodEndDayOfYear(parsePeriod('2026-H1')!)).toBe(181);
    expect(elapsedFraction(parsePeriod('2026-H1')!, 'day')).toBe(181 / 365);
    // 2024 is leap: 182 / 366
    expect(elapsedFraction(parsePeriod('2024-M06')!, 'day')).toBe(182 / 366);
    expect(elapsedFraction(parsePeriod('2024-Y')!, 'day')).toBe(1);
  });
});

describe('period code pattern', () => {
  it('is what parsePeriod accepts, whole or by granularity', () => {
    const month = periodCodePattern('month');
    expect(['2026-M01', '2026-M12'].map((c) => month.test(c))).toEqual([true, true]);
    expect(['2026-M13', '2026-Q1', '2026-Y'].map((c) => month.test(c))).toEqual([false, false, false]);
    expect(periodCodePattern('quarter').test('2026-Q4')).toBe(true);
    expect(periodCodePattern('half').test('2026-H3')).toBe(false);
    expect(periodCodePattern('year').test('2026-Y')).toBe(true);
    for (const c of ['2026-M03', '2026-Q2', '2026-H1', '2026-Y', '2026-M00', '2026-Q0', '2026-y'])
      expect(periodCodePattern().test(c), c).toBe(parsePeriod(c) !== null);
  });
});
