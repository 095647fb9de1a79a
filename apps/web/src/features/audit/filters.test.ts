import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditFilter } from './filters.js';

describe('auditFilter', () => {
  it('trims text, leaves blanks out and prints the dates of the range', () => {
    expect(
      auditFilter({
        actor: '  admin ',
        objectType: '',
        objectId: '   ',
        action: 'plan.save',
        range: [dayjs('2026-03-05T10:00:00'), null],
      }),
    ).toEqual({
      actor: 'admin',
      objectType: undefined,
      objectId: undefined,
      action: 'plan.save',
      from: '2026-03-05',
      to: undefined,
    });
  });

  it('an empty form filters nothing', () => {
    expect(Object.values(auditFilter({})).every((v) => v === undefined)).toBe(true);
  });
});
