import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format.js';

describe('formatDateTime', () => {
  it('prints a timestamp without the browser locale', () => {
    const s = formatDateTime('2026-11-10T01:30:00.000Z');
    expect(s).toMatch(/^2026-11-1\d \d\d:30$/);
    expect(s).not.toMatch(/AM|PM|\//);
  });
  it('prints a dash for nothing and the text for what is not a date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
});
