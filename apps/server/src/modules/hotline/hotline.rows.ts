import {
  type HotlineColumn,
  type HotlineField,
  type HotlineRowInput,
  hotlineColumnAliases,
  hotlineColumnOf,
  hotlineFields,
} from '@jixiao/contracts';
import { type DataProblem, lineProblem, type TableColumns, type TableRow } from '../imports/data-file.js';

/**
 * Hotline statistics rows (H8), pure: the columns of a hotline file (read by the data import's
 * parser, data-file.ts readTable), a pushed row in the same shape, and the check of every row
 * against the plan's units and period with line + column + code problems.
 */

/** A hotline file's columns: unit code and the four figures; period is optional. */
export const HOTLINE_COLUMNS: TableColumns<HotlineColumn> = {
  columnOf: hotlineColumnOf,
  required: ['unit', ...hotlineFields],
  // The Chinese name ("工单量"): the first alias that is not ASCII.
  label: (c) => hotlineColumnAliases[c].find((a) => /[^\x20-\x7e]/.test(a)) ?? c,
};

export type HotlineRaw = TableRow<HotlineColumn>;

/** The figures of one unit's row, checked. */
export interface HotlineFigures {
  line: number;
  unit: string;
  unitId: number;
  volume: number;
  timelyRate: number;
  completionRate: number;
  satisfaction: number;
}

/** A pushed row (API) as a file row: its line is its index + 1, as a JSON data row's. */
export const pushedRow = (r: HotlineRowInput, index: number): HotlineRaw => ({
  line: index + 1,
  cells: {
    unit: r.unitCode,
    volume: String(r.volume),
    timelyRate: String(r.timelyRate),
    completionRate: String(r.completionRate),
    satisfaction: String(r.satisfaction),
  },
});

/** A row problem whose English message names its line, as the data import's row checks word theirs. */
const bad = lineProblem;

/** The period being loaded must be one of the plan's year (checked once, on line 1). */
export function periodProblems(period: string, year: number): DataProblem[] {
  return period.startsWith(`${year}-`)
    ? []
    : [
        bad(
          1,
          'period',
          'period_out_of_year',
          { period, year },
          `period ${period} is not of the plan's year ${year}`,
        ),
      ];
}

/** A number as a file writes it: "92.5", "92.5%", "1,204"; NaN when it is none. */
const numberOf = (cell: string | undefined) => {
  const s = (cell ?? '').replace(/[,，\s]/g, '').replace(/[%％]$/, '');
  return s === '' ? Number.NaN : Number(s);
};

const RATES: HotlineField[] = ['timelyRate', 'completionRate', 'satisfaction'];

/**
 * Check every row: a known unit, once; a whole non-negative volume; rates 0–100; the row's period
 * (when the file has the column) the one being loaded. Every problem, not only the first.
 */
export function checkHotlineRows(
  raw: HotlineRaw[],
  units: Map<string, number>,
  period: string,
): { rows: HotlineFigures[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const rows: HotlineFigures[] = [];
  const firstLine = new Map<string, number>();
  for (const r of raw) {
    const c = r.cells;
    const before = problems.length;
    if (c.period !== undefined && c.period !== period)
      problems.push(
        bad(
          r.line,
          'period',
          'wrong_period',
          { period: c.period, expected: period },
          `period "${c.period}" is not the period being loaded (${period})`,
        ),
      );
    const unit = c.unit ?? '';
    const unitId = units.get(unit);
    if (unitId === undefined)
      problems.push(bad(r.line, 'unit', 'unknown_unit', { unit }, `unknown unit "${unit}"`));
    const seen = firstLine.get(unit);
    if (unit && seen !== undefined)
      problems.push(
        bad(
          r.line,
          'unit',
          'duplicate_unit',
          { unit, first: seen },
          `unit ${unit} appears again (first on line ${seen})`,
        ),
      );
    else if (unit) firstLine.set(unit, r.line);
    const figures = {} as Record<HotlineField, number>;
    for (const f of hotlineFields) {
      const x = numberOf(c[f]);
      figures[f] = x;
      const value = c[f] ?? '';
      if (!Number.isFinite(x))
        problems.push(bad(r.line, f, 'not_a_number', { value }, `${f} "${value}" is not a number`));
      else if (f === 'volume' && x < 0)
        problems.push(bad(r.line, f, 'negative_volume', { value }, `volume ${value} is negative`));
      else if (f === 'volume' && !Number.isInteger(x))
        problems.push(
          bad(
            r.line,
            f,
            'fractional_volume',
            { value },
            `volume ${value} is not a whole number of work orders`,
          ),
        );
      else if (RATES.includes(f) && (x < 0 || x > 100))
        problems.push(bad(r.line, f, 'rate_out_of_range', { value }, `${f} ${value} is outside 0–100 (%)`));
    }
    if (problems.length === before && unitId !== undefined)
      rows.push({ line: r.line, unit, unitId, ...figures });
  }
  return { rows, problems };
}
