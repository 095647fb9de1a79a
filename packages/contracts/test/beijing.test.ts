import { describe, expect, it } from 'vitest';
import { beijingDay, beijingDayEnd, beijingDayStart, dayCode } from '../src/beijing.js';

describe('Beijing days', () => {
  it('a UTC evening is already the next day in Beijing', () => {
    expect(beijingDay(new Date('2026-12-20T15:59:59Z'))).toBe('2026-12-20');
    expect(beijingDay(new Date('2026-12-20T16:00:00Z'))).toBe('2026-12-21');
  });
  it('a day runs from 16:00 UTC the evening before to 15:59:59.999 UTC', () => {
    expect(beijingDayStart('2026-12-20').toISOString()).toBe('2026-12-19T16:00:00.000Z');
    expect(beijingDayEnd('2026-12-20').toISOString()).toBe('2026-12-20T15:59:59.999Z');
  });
  it('accepts real calendar shapes only', () => {
    expect(dayCode.safeParse('2026-12-20').success).toBe(true);
    expect(dayCode.safeParse('2026-13-01').success).toBe(false);
    expect(dayCode.safeParse('20261220').success).toBe(false);
  });
});
