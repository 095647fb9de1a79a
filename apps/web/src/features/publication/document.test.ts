import { describe, expect, it } from 'vitest';
import { dayParts, gradeCounts } from './document.js';

const unit = (code: string, grade: string | null) => ({
  unit: code,
  name: code,
  total: 80,
  rank: 1,
  grade: grade ? { code: grade, name: grade, color: 'blue' } : null,
});

describe('results notice', () => {
  it('counts grades per group in the order they first appear; ungraded units are not counted', () => {
    const g = {
      code: 'A',
      name: '党群口',
      units: [unit('a', '优秀'), unit('b', '良好'), unit('c', '良好'), unit('d', null)],
    };
    expect(gradeCounts(g)).toEqual([
      { grade: '优秀', n: 1 },
      { grade: '良好', n: 2 },
    ]);
  });

  it('writes a day without leading zeros', () => {
    expect(dayParts('2026-03-08')).toEqual({ year: 2026, month: 3, day: 8 });
  });
});
