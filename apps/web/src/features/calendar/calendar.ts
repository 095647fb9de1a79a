import type { PeriodStateName, PeriodWindow } from '@jixiao/contracts';
import { parsePeriod } from '@jixiao/engine';

/**
 * Calendar helpers (S9, G7). Deadlines are days in China Standard Time (UTC+8, no daylight saving):
 * "due on the 10th" is until 23:59:59 that day in Beijing, whatever the browser's zone.
 */

const CST_MS = 8 * 3600_000;

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function cstDay(iso: string): string {
  return new Date(Date.parse(iso) + CST_MS).toISOString().slice(0, 10);
}

/** Start (00:00:00) or end (23:59:59) of a Beijing day, as an ISO instant with its offset. */
export function cstInstant(day: string, edge: 'start' | 'end'): string {
  return `${day}T${edge === 'start' ? '00:00:00' : '23:59:59'}+08:00`;
}

export type PeriodKind = 'M' | 'Q' | 'H' | 'Y';

/** M, Q, H or Y from a period code like 2026-M10, 2026-Q3, 2026-H1, 2026-Y. */
export function periodKind(period: string): PeriodKind {
  const g = parsePeriod(period)?.granularity ?? 'year';
  return g === 'month' ? 'M' : g === 'quarter' ? 'Q' : g === 'half' ? 'H' : 'Y';
}

/** Short label on a calendar cell: "M10", "Q3", "H1", "Y". */
export const periodShort = (period: string) => period.replace(/^\d{4}-/, '');

export const STATE_COLORS: Record<PeriodStateName, string> = {
  not_open: 'default',
  open: 'green',
  late: 'red',
  closed: 'default',
  reopened: 'purple',
};

const KIND_ORDER: Record<PeriodKind, number> = { M: 0, Q: 1, H: 2, Y: 3 };

/** Windows by their Beijing due day; within a day months first, then quarters, half years, the year. */
export function groupByDueDay<T extends Pick<PeriodWindow, 'period' | 'dueAt'>>(
  windows: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const w of windows) {
    const day = cstDay(w.dueAt);
    const list = out.get(day) ?? [];
    list.push(w);
    out.set(day, list);
  }
  for (const list of out.values())
    list.sort(
      (a, b) =>
        KIND_ORDER[periodKind(a.period)] - KIND_ORDER[periodKind(b.period)] ||
        a.period.localeCompare(b.period),
    );
  return out;
}

/** Windows in due order, optionally of some kinds and states only (the list view). */
/** The list view's filter: the kinds and states of period shown (none: all). */
export type WindowFilter = { kinds?: readonly PeriodKind[]; states?: readonly PeriodStateName[] };

export function sortedWindows<T extends Pick<PeriodWindow, 'period' | 'dueAt' | 'state'>>(
  windows: readonly T[],
  filter: WindowFilter = {},
): T[] {
  return windows
    .filter((w) => !filter.kinds?.length || filter.kinds.includes(periodKind(w.period)))
    .filter((w) => !filter.states?.length || filter.states.includes(w.state))
    .slice()
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.period.localeCompare(b.period));
}

/**
 * The month (YYYY-MM) the calendar opens on: today's when a deadline falls in it or later in the
 * same plan year, else the month of the first deadline not yet closed, else the first deadline's.
 */
export function initialMonth(
  windows: readonly Pick<PeriodWindow, 'dueAt' | 'closed'>[],
  todayIso: string,
): string | null {
  if (windows.length === 0) return null;
  const days = windows.map((w) => cstDay(w.dueAt)).sort();
  const today = cstDay(todayIso);
  if (today >= days[0]! && today <= days.at(-1)!) return today.slice(0, 7);
  const open = windows
    .filter((w) => !w.closed)
    .map((w) => cstDay(w.dueAt))
    .sort();
  return (open[0] ?? days[0]!).slice(0, 7);
}
