/**
 * Progress against the pro-rata schedule (序时进度, S9) — pure: no clock, no database.
 *
 * How the year-to-date actual is formed from monthly values (`accumulation`):
 * - `sum` for pro-rata indicators (method kind `pro_rata`, e.g. information reports): each month
 *   reports what was done in that month, so the year so far is the sum of the months.
 * - `latest` for everything else: a monthly report (月报) gives the year-to-date figure (1–N月累计)
 *   or a rate that is already cumulative ("%"), so the newest month is the year so far.
 * Indicators where less is better (direction `lower`, e.g. deductions) have no schedule to lag
 * behind and are left out of progress altogether (`tracked` is false).
 */

export type Accumulation = 'sum' | 'latest';
export type LagStatus = 'on_track' | 'lagging' | 'serious' | 'no_target';

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
}

export const tracked = (t: IndicatorTraits) => t.direction !== 'lower';
export const accumulation = (t: IndicatorTraits): Accumulation =>
  t.methodKind === 'pro_rata' ? 'sum' : 'latest';

/** Year-to-date actual from monthly values up to and including `month`; null when none was reported. */
export function cumulativeActual(
  values: readonly { month: number; value: number }[],
  mode: Accumulation,
  month: number,
): number | null {
  const upto = values.filter((v) => v.month >= 1 && v.month <= month);
  if (upto.length === 0) return null;
  if (mode === 'sum') return upto.reduce((s, v) => s + v.value, 0);
  return upto.reduce((a, b) => (b.month > a.month ? b : a)).value;
}

export interface ProgressResult {
  expected: number | null;
  ratio: number | null;
  status: LagStatus;
}

/** Months elapsed expressed by the period code "2026-M10" → 10. */
export function monthOf(period: string): number {
  const m = /^\d{4}-M(\d{2})$/.exec(period);
  if (!m) throw new Error(`not a month period: ${period}`);
  return Number(m[1]);
}

/** The quarter's end month: "2026-Q3" → "2026-M09". */
export function quarterEnd(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return `${m[1]}-M${String(Number(m[2]) * 3).padStart(2, '0')}`;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Expected = target × months / 12; ratio = actual / expected. A missing actual counts as nothing
 * done. A zero target expects nothing, so the unit is on track (no division by zero, no NaN).
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
  const ratio = round((actual ?? 0) / expected);
  const status: LagStatus =
    ratio >= thresholds.onTrack ? 'on_track' : ratio < thresholds.serious ? 'serious' : 'lagging';
  return { expected, ratio, status };
}

export const isLagging = (s: LagStatus) => s === 'lagging' || s === 'serious';
