import type { YearRunRow } from '../plans/plans.repository.js';

/**
 * The released year-end runs of a system as the archive reads them (pure): the newest run of
 * each year, and one unit's rank over the years (the scorecard's line).
 */

/** The newest run of each year (rows come newest first within a year). */
export function oneRunPerYear<T extends { year: number }>(rows: readonly T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.year) && seen.add(r.year));
}

/** A unit's rank in each year it was ranked, and how many units its group had then. Oldest first. */
export function rankHistory(
  years: readonly Pick<YearRunRow, 'year' | 'units'>[],
  unit: string,
): { year: number; rank: number; of: number }[] {
  return years.flatMap((y) => {
    const mine = y.units.find((u) => u.unit === unit);
    return mine
      ? [{ year: y.year, rank: mine.rank, of: y.units.filter((u) => u.group === mine.group).length }]
      : [];
  });
}
