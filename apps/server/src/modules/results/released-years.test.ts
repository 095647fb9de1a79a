import type { UnitScore } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { oneRunPerYear, rankHistory } from './released-years.js';

const unit = (code: string, group: string, rank: number) => ({ unit: code, group, rank }) as UnitScore;

describe('released years', () => {
  it('keeps the newest run of each year (rows come newest first within a year)', () => {
    expect(
      oneRunPerYear([
        { year: 2024, id: 5 },
        { year: 2024, id: 3 },
        { year: 2025, id: 7 },
      ]).map((r) => r.id),
    ).toEqual([5, 7]);
  });

  it("gives a unit's rank in each year it was ranked, out of its group's size that year", () => {
    const years = [
      { year: 2024, units: [unit('A01', 'A', 2), unit('A02', 'A', 1), unit('B01', 'B', 1)] },
      // 2025: A01 was not evaluated (e.g. a unit created later or merged).
      { year: 2025, units: [unit('A02', 'A', 1), unit('B01', 'B', 1)] },
      // 2026: A01 moved to group B of three units.
      {
        year: 2026,
        units: [unit('A01', 'B', 3), unit('B01', 'B', 1), unit('B02', 'B', 2), unit('A02', 'A', 1)],
      },
    ];
    expect(rankHistory(years, 'A01')).toEqual([
      { year: 2024, rank: 2, of: 2 },
      { year: 2026, rank: 3, of: 3 },
    ]);
  });
});
