import type { Indicator, Plan, ReportingFrequency, SubItem } from '@jixiao/engine';
import { endMonth, granularityOf, yearOf } from '../periods/period-code.js';

/**
 * Which reported figure counts for a period, and which share of a yearly target is due by then
 * (S9). Pure. Reports are year-to-date (1–N月累计): the newest report up to the period is the
 * year so far.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The report of an indicator due by the end of `period`: the latest period of its frequency that
 * ends within it (monthly at 2026-M10 → 2026-M10; quarterly → 2026-Q3; half-yearly → 2026-H1;
 * yearly → none until 2026-Y). Null when nothing of that frequency is due yet.
 */
export function expectedReport(frequency: ReportingFrequency, period: string): string | null {
  const year = yearOf(period);
  const end = endMonth(period);
  if (frequency === 'month') return `${year}-M${pad(end)}`;
  if (frequency === 'quarter') return end >= 3 ? `${year}-Q${Math.floor(end / 3)}` : null;
  if (frequency === 'half') return end >= 12 ? `${year}-Y` : end >= 6 ? `${year}-H1` : null;
  return end >= 12 ? `${year}-Y` : null;
}

/** Whether a report of `period` is of the indicator's frequency (the year figure always is). */
export function reportFits(frequency: ReportingFrequency | undefined, period: string): boolean {
  if (frequency === undefined) return true;
  const g = granularityOf(period);
  return g === 'year' || g === frequency;
}

/** A scored leaf of the plan as the cycle input sees it. */
export interface LeafTraits {
  code: string;
  frequency: ReportingFrequency | undefined;
  methodKind: string | undefined;
  direction: 'higher' | 'lower' | undefined;
  unit: string | undefined;
  reference: 'target' | 'baseline' | undefined;
}

export function leafTraits(plan: Plan): LeafTraits[] {
  const parents = new Set(plan.indicators.flatMap((i) => (i.parent ? [i.parent] : [])));
  const out: LeafTraits[] = [];
  const of = (code: string, ind: Indicator, s?: SubItem): LeafTraits => {
    const method = s?.method ?? ind.method;
    return {
      code,
      frequency: ind.frequency,
      methodKind: method?.kind,
      direction: s?.direction ?? ind.direction,
      unit: ind.unit,
      reference: method?.kind === 'completion' ? (method.reference ?? 'target') : undefined,
    };
  };
  for (const ind of plan.indicators) {
    if (parents.has(ind.code)) continue;
    if (ind.subItems?.length) for (const s of ind.subItems) out.push(of(`${ind.code}.${s.code}`, ind, s));
    else out.push(of(ind.code, ind));
  }
  return out;
}

/**
 * S9: amounts held against a yearly target (completion, total and growth) are compared, before the
 * year end, with the share of the target due by the report's month; rates (unit "%") and
 * indicators where less is better are due in full. `pro_rata` scales inside the engine already.
 */
export function scheduled(t: LeafTraits): boolean {
  return (
    (t.methodKind === 'completion' || t.methodKind === 'total_growth') &&
    t.direction !== 'lower' &&
    t.unit?.trim() !== '%'
  );
}

/**
 * The share of the yearly target due by the end of `month`: the task book's quarterly schedule
 * (cumulative shares for Q1–Q4, e.g. [0.2, 0.45, 0.7, 1]) interpolated within the quarter, or
 * months / 12 without one.
 */
export function dueShare(month: number, schedule?: readonly number[] | null): number {
  const m = Math.min(Math.max(month, 0), 12);
  if (schedule?.length !== 4) return m / 12;
  const q = Math.floor((m - 1) / 3);
  if (m <= 0) return 0;
  const before = q === 0 ? 0 : schedule[q - 1]!;
  const within = (m - q * 3) / 3;
  return before + (schedule[q]! - before) * within;
}
