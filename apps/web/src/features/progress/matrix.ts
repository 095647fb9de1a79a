import type { LagStatus, ProgressCell, ProgressMatrix } from '@jixiao/contracts';

/** Cell colours by lag status: green on track, amber lagging, red serious, grey without a target. */
export const statusColor: Record<LagStatus, string> = {
  on_track: '#d9f7be',
  lagging: '#fff1b8',
  serious: '#ffccc7',
  no_target: '#f5f5f5',
  no_data: '#d9d9d9',
};

export interface MatrixFilter {
  group?: string;
  indicator?: string;
  status?: LagStatus | 'behind';
}

export interface MatrixRow {
  key: number;
  code: string;
  name: string;
  group: string;
  cells: Record<string, ProgressCell>;
}

const matches = (c: ProgressCell, s: MatrixFilter['status']) =>
  !s || (s === 'behind' ? c.status === 'lagging' || c.status === 'serious' : c.status === s);

/** One row per unit, filtered: a unit stays when any of its shown cells matches the status filter. */
export function matrixRows(m: ProgressMatrix, f: MatrixFilter): MatrixRow[] {
  const byUnit = new Map<number, Record<string, ProgressCell>>();
  for (const c of m.cells) {
    if (f.indicator && c.indicator !== f.indicator) continue;
    byUnit.set(c.unitId, { ...byUnit.get(c.unitId), [c.indicator]: c });
  }
  return m.units
    .filter((u) => !f.group || u.group === f.group)
    .map((u) => ({ key: u.id, code: u.code, name: u.name, group: u.group, cells: byUnit.get(u.id) ?? {} }))
    .filter((r) => Object.values(r.cells).some((c) => matches(c, f.status)));
}

/**
 * "83.3%" for a ratio, "—" when nothing is expected. Cut, not rounded, below 100 %: a lagging
 * 99.996 % must not read "100%" beside its lagging colour.
 */
export const pct = (ratio: number | null) => {
  if (ratio === null) return '—';
  const tenths = ratio < 1 ? Math.floor(ratio * 1000 + 1e-9) : Math.round(ratio * 1000);
  return `${(tenths / 10).toFixed(1)}%`;
};

/** Month periods of a year up to the given month: 2026-M01 … */
export const monthPeriods = (year: number, upTo = 12) =>
  Array.from({ length: upTo }, (_, i) => `${year}-M${String(i + 1).padStart(2, '0')}`);

/** The last complete month before `now` in the plan's year (December for past years, M01 at the earliest). */
export function defaultMonth(year: number, now: Date): string {
  const y = now.getFullYear();
  const m = y > year ? 12 : y < year ? 1 : Math.max(1, now.getMonth());
  return `${year}-M${String(m).padStart(2, '0')}`;
}

/** The last finished quarter of the plan's year. */
export function defaultQuarter(year: number, now: Date): string {
  const y = now.getFullYear();
  const q = y > year ? 4 : y < year ? 1 : Math.max(1, Math.floor(now.getMonth() / 3));
  return `${year}-Q${q}`;
}
