import { parsePeriod, periodEndMonth, type ReportingFrequency } from '@jixiao/engine';

// Period codes are parsed by the engine (parsePeriod): these read one fact off a code.

/** The end month of a period code (2026-M03 → 3, 2026-Q2 → 6, 2026-H1 → 6, 2026-Y → 12). */
export function endMonth(period: string): number {
  const p = parsePeriod(period);
  return p ? periodEndMonth(p) : 12;
}

export const yearOf = (period: string) => parsePeriod(period)?.year ?? Number(period.slice(0, 4));

/** The granularity of a period code: 2026-M03 → month, 2026-Q1 → quarter, 2026-H1 → half, 2026-Y → year. */
export const granularityOf = (period: string): ReportingFrequency =>
  parsePeriod(period)?.granularity ?? 'year';
