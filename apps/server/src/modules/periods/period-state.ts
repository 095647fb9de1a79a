/**
 * Periods and deadlines (S9, G7) as pure functions: a window's state for one unit at one instant,
 * and the default calendar of a plan year. No clock, no database.
 */

export type PeriodState = 'not_open' | 'open' | 'late' | 'closed' | 'reopened';

export interface WindowLike {
  period: string;
  opensAt: Date;
  dueAt: Date;
  closed: boolean;
}

export interface ReopeningLike {
  period: string;
  unitId: number;
  until: Date;
}

/**
 * Where a period stands for `unitId` at `now`. A closed period refuses data unless it was reopened
 * for that unit and the reopening has not ended; an open period past its due date still takes data
 * but the data is flagged late. `unitId` null asks for the state without any unit's reopening.
 */
export function periodState(
  window: WindowLike,
  reopenings: readonly ReopeningLike[],
  unitId: number | null,
  now: Date,
): PeriodState {
  const t = now.getTime();
  if (window.closed) {
    const open = reopenings.some(
      (r) => r.period === window.period && r.unitId === unitId && t <= r.until.getTime(),
    );
    return open ? 'reopened' : 'closed';
  }
  if (t < window.opensAt.getTime()) return 'not_open';
  return t <= window.dueAt.getTime() ? 'open' : 'late';
}

/** Dates are meant in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_H = 8;
/** 00:00:00 of a calendar day in Beijing. */
export const cstStart = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, -CST_OFFSET_H));
/** 23:59:59 of a calendar day in Beijing: "due on the 10th" means until the end of that day. */
export const cstEnd = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d, 23 - CST_OFFSET_H, 59, 59));

export type Granularity = 'month' | 'quarter' | 'half' | 'year';

export interface GeneratedWindow {
  period: string;
  opensAt: Date;
  dueAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The default calendar of a year: months open on their first day and are due on the 10th of the
 * next month, quarters on the 15th of the month after, the half year (H1) on 07-20 and the year
 * (Y) on 01-20 of the next year — the usual rhythm of monthly reports, quarterly bulletins, the
 * June stage evaluation and the year-end assessment (S9, G7).
 */
export function defaultCalendar(year: number, granularities: readonly Granularity[]): GeneratedWindow[] {
  const out: GeneratedWindow[] = [];
  const due = (m: number, d: number) => (m > 12 ? cstEnd(year + 1, m - 12, d) : cstEnd(year, m, d));
  if (granularities.includes('month'))
    for (let m = 1; m <= 12; m++)
      out.push({ period: `${year}-M${pad(m)}`, opensAt: cstStart(year, m, 1), dueAt: due(m + 1, 10) });
  if (granularities.includes('quarter'))
    for (let q = 1; q <= 4; q++)
      out.push({ period: `${year}-Q${q}`, opensAt: cstStart(year, q * 3 - 2, 1), dueAt: due(q * 3 + 1, 15) });
  if (granularities.includes('half'))
    out.push({ period: `${year}-H1`, opensAt: cstStart(year, 1, 1), dueAt: cstEnd(year, 7, 20) });
  if (granularities.includes('year'))
    out.push({ period: `${year}-Y`, opensAt: cstStart(year, 1, 1), dueAt: cstEnd(year + 1, 1, 20) });
  return out;
}
