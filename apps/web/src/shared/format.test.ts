import { describe, expect, it } from 'vitest';
import { beijingToIso, formatDateTime, formatDateTimeSeconds } from './format.js';

describe('formatDateTime', () => {
  it('prints a timestamp in Beijing time without the browser locale', () => {
    // 01:30 UTC is 09:30 in Beijing; the last second of a Beijing day is 15:59:59 UTC.
    expect(formatDateTime('2026-11-10T01:30:00.000Z')).toBe('2026-11-10 09:30');
    expect(formatDateTime('2026-12-31T15:59:59Z')).toBe('2026-12-31 23:59');
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(formatDateTimeSeconds('2026-03-05T02:03:04+00:00')).toBe('2026-03-05 10:03:04');
  });
  it('prints a dash for nothing and the text for what is not a date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('beijingToIso', () => {
  it('reads a Beijing wall-clock time as +08:00, the inverse of formatDateTime', () => {
    expect(beijingToIso('2026-12-01 09:30')).toBe('2026-12-01T09:30:00+08:00');
    // Midnight in Beijing is 16:00 UTC the day before, in any browser zone.
    expect(Date.parse(beijingToIso('2027-01-01 00:00')!)).toBe(Date.parse('2026-12-31T16:00:00Z'));
    expect(formatDateTime(beijingToIso('2026-07-15 23:59'))).toBe('2026-07-15 23:59');
  });
  it('gives nothing for what is not a time', () => {
    expect(beijingToIso('2026-12-01')).toBeUndefined();
    expect(beijingToIso('tomorrow')).toBeUndefined();
  });
});
