/**
 * Progress against the pro-rata schedule (序时进度, S9) — pure: no clock, no database.
 *
 * Throughout Jixiao a monthly report (月报) gives the year-to-date figure (1–N月累计) or a rate that
 * is already cumulative, so the newest month up to the period is the year so far — the live score
 * reads submissions the same way. Indicators where less is better (direction `lower`, e.g.
 * deductions) have no schedule to lag behind and are left out (`tracked` is false), and so are
 * indicators scored relative to other units or by judgement (efficacy, z-score, rank, bands,
 * experts, surveys, manual scores): S9 schedules the quantitative ones only. A rate (unit "%") is
 * not accumulated over the year, so it is held against its full target from the first month
 * (`schedule` "level"); an amount is held against target × months / 12 ("pro_rata").
 * A unit that has reported nothing yet is `no_data`, not a serious delay: missing reports are
 * chased by deadline reminders, lagging work by progress reminders.
 */

import { formatPeriod, parsePeriod, periodEndMonth } from '@jixiao/engine';

export type Accumulation = 'latest';
export type LagStatus = 'on_track' | 'lagging' | 'serious' | 'no_target' | 'no_data';

export interface Thresholds {
  /** ratio ≥ onTrack → on track (default 1 = 100 % of the schedule). */
  onTrack: number;
  /** ratio < serious → serious delay (default 0.8); between the two → lagging. */
  serious: number;
}
export const defaultThresholds: Thresholds = { onTrack: 1, serious: 0.8 };

export interface IndicatorTraits {
  direction?: 'higher' | 'lower';
  methodKind?: string;
  /** Unit of measure of the indicator's value, e.g. "%" or "万元". */
  unit?: string;
}

/** Methods that hold an amount against a target: the ones a pro-rata schedule applies to. */
const SCHEDULED = new Set(['completion', 'pro_rata', 'total_growth']);

export const tracked = (t: IndicatorTraits) =>
  t.direction !== 'lower' && (t.methodKind === undefined || SCHEDULED.has(t.methodKind));

export type Schedule = 'pro_rata' | 'level';
export const scheduleOf = (t: IndicatorTraits): Schedule => (t.unit?.trim() === '%' ? 'level' : 'pro_rata');
export const accumulation = (_t: IndicatorTraits): Accumulation => 'latest';

/** Year-to-date actual: the newest monthly value up to and including `month`; null when none. */
export function cumulativeActual(
  values: readonly { month: number; value: number }[],
  month: number,
): number | null {
  const upto = values.filter((v) => v.month >= 1 && v.month <= month);
  if (upto.length === 0) return null;
  return upto.reduce((a, b) => (b.month > a.month ? b : a)).value;
}

export interface ProgressResult {
  expected: number | null;
  ratio: number | null;
  status: LagStatus;
}

/** Months elapsed expressed by the period code "2026-M10" → 10. */
export function monthOf(period: string): number {
  const p = parsePeriod(period);
  if (p?.granularity !== 'month') throw new Error(`not a month period: ${period}`);
  return p.index;
}

/** The quarter's end month: "2026-Q3" → "2026-M09". */
export function quarterEnd(quarter: string): string {
  const p = parsePeriod(quarter);
  if (p?.granularity !== 'quarter') throw new Error(`not a quarter: ${quarter}`);
  return formatPeriod({ year: p.year, granularity: 'month', index: periodEndMonth(p) });
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Expected = target × months / 12; ratio = actual / expected. Nothing reported yet is `no_data`.
 * A zero target expects nothing, so the unit is on track (no division by zero, no NaN).
 */
export function progressOf(
  target: number | null,
  actual: number | null,
  months: number,
  thresholds: Thresholds = defaultThresholds,
): ProgressResult {
  if (target === null || !Number.isFinite(target))
    return { expected: null, ratio: null, status: 'no_target' };
  const expected = round((target * Math.min(Math.max(months, 0), 12)) / 12);
  if (expected <= 0) return { expected, ratio: null, status: 'on_track' };
  if (actual === null) return { expected, ratio: null, status: 'no_data' };
  const ratio = round(actual / expected);
  const status: LagStatus =
    ratio >= thresholds.onTrack ? 'on_track' : ratio < thresholds.serious ? 'serious' : 'lagging';
  return { expected, ratio, status };
}

export const isLagging = (s: LagStatus) => s === 'lagging' || s === 'serious';

/** The order of lagging lists (bulletin, cockpit): by group, then the most behind first, then by unit. */
export const mostBehindFirst = (
  a: { group: string; ratio: number | null; unit: string },
  b: { group: string; ratio: number | null; unit: string },
) => a.group.localeCompare(b.group) || (a.ratio ?? 0) - (b.ratio ?? 0) || a.unit.localeCompare(b.unit);
