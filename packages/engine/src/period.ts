import type { PeriodGranularity } from './plan/types';

/** A reporting period: '2026-M01', '2026-Q1', '2026-H1', '2026-Y'. */
export interface Period {
  year: number;
  granularity: PeriodGranularity;
  /** 1-based index within the year (month 1–12, quarter 1–4, half 1–2, year 1). */
  index: number;
}

/** The code of each granularity after "YYYY-": the one definition of a period code. */
const CODE: Record<PeriodGranularity, string> = {
  month: 'M(0[1-9]|1[0-2])',
  quarter: 'Q([1-4])',
  half: 'H([12])',
  year: '(Y)',
};
const RE = new RegExp(`^(\\d{4})-(?:${CODE.month}|${CODE.quarter}|${CODE.half}|${CODE.year})$`);

/**
 * The pattern of a period code, of any granularity or of one ('2026-M03' for month): what
 * parsePeriod accepts, for schemas that validate codes (packages/contracts builds on it).
 */
export const periodCodePattern = (granularity?: PeriodGranularity): RegExp =>
  granularity ? new RegExp(`^\\d{4}-${CODE[granularity]}$`) : RE;

/** Parse a period code; returns null when malformed (callers report it with context). */
export function parsePeriod(code: string): Period | null {
  const m = RE.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { year, granularity: 'month', index: Number(m[2]) };
  if (m[3]) return { year, granularity: 'quarter', index: Number(m[3]) };
  if (m[4]) return { year, granularity: 'half', index: Number(m[4]) };
  return { year, granularity: 'year', index: 1 };
}

/** The year-end period of a year: '2026-Y'. */
export const yearPeriod = (year: number): string => formatPeriod({ year, granularity: 'year', index: 1 });

export function formatPeriod(p: Period): string {
  switch (p.granularity) {
    case 'month':
      return `${p.year}-M${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'half':
      return `${p.year}-H${p.index}`;
    default:
      return `${p.year}-Y`;
  }
}

/** Last month (1–12) covered by the period. */
export function periodEndMonth(p: Period): number {
  switch (p.granularity) {
    case 'month':
      return p.index;
    case 'quarter':
      return p.index * 3;
    case 'half':
      return p.index * 6;
    default:
      return 12;
  }
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day of year of the period's last day (e.g. 2024-H1 → 182, 30 June in a leap year). */
export function periodEndDayOfYear(p: Period): number {
  const end = periodEndMonth(p);
  let d = 0;
  for (let i = 0; i < end; i++) d += DAYS[i]! + (i === 1 && isLeap(p.year) ? 1 : 0);
  return d;
}

export function daysInYear(year: number): number {
  return isLeap(year) ? 366 : 365;
}

/**
 * Share of the year elapsed at the end of the period (序时进度, S9), computed from the period
 * itself, never the clock: by month (2026-M06 → 6/12) or by day (2026-M06 → 181/365).
 */
export function elapsedFraction(p: Period, basis: 'month' | 'day'): number {
  if (basis === 'month') return periodEndMonth(p) / 12;
  return periodEndDayOfYear(p) / daysInYear(p.year);
}
