import type { ColumnGroupType, ColumnType } from 'antd/es/table';
import { isValidElement, type ReactNode } from 'react';
import { BEIJING_MS } from '../format.js';

/**
 * One shared table export (issue 13 point 6): what a table shows, as a sheet — the table's own
 * columns in their order with their (translated) headers, numbers as numbers, timestamps as dates.
 * Pure: the .xlsx file is written from this by `writeXlsx.ts`, loaded only when a user exports.
 */

/** A cell of the sheet. Dates carry the Beijing wall-clock time in their UTC fields (as Excel has no zone). */
export type SheetCell = string | number | Date | null;
export type SheetFormat = 'text' | 'number' | 'percent' | 'date' | 'datetime';

/** A ratio the table shows as a percentage (0.853 → 85.3%): a number in the sheet, formatted as %. */
export type Percent = { percent: number };
export const percent = (ratio: number | null | undefined): Percent | null =>
  ratio === null || ratio === undefined ? null : { percent: ratio };

/** A value a column gives for the sheet; undefined means "read the row as the table would". */
export type ExportValue = string | number | boolean | Date | Percent | null | undefined;

/**
 * An antd column with what the export needs when the cell shows something other than its value:
 * `exportTitle` when the header is not plain text (a tooltip, an icon), `exportValue` when the cell
 * is drawn from several fields or as a tag (a grade, a status), `false` to leave a column out that
 * has nothing to export (actions). A column without either is exported from its `dataIndex`, or
 * from what its `render` returns when that is plain text or a number.
 */
export type ExportColumn<T> = (ColumnType<T> | ColumnGroupType<T>) & {
  exportTitle?: string;
  exportValue?: ((row: T, index: number) => ExportValue) | false;
};
export type ExportColumns<T> = ExportColumn<T>[];

export interface Sheet {
  headers: string[];
  formats: SheetFormat[];
  rows: SheetCell[][];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value as a cell: numbers stay numbers, ISO dates and instants become dates (Beijing time). */
export function toCell(
  v: unknown,
  yesNo: { yes: string; no: string },
): { cell: SheetCell; format: SheetFormat } {
  if (v === null || v === undefined || v === '') return { cell: null, format: 'text' };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { cell: v, format: 'number' } : { cell: null, format: 'text' };
  if (typeof v === 'boolean') return { cell: v ? yesNo.yes : yesNo.no, format: 'text' };
  if (typeof v === 'object' && 'percent' in v && typeof v.percent === 'number')
    return Number.isFinite(v.percent)
      ? { cell: v.percent, format: 'percent' }
      : { cell: null, format: 'text' };
  if (v instanceof Date) return { cell: new Date(v.getTime() + BEIJING_MS), format: 'datetime' };
  if (typeof v === 'string') {
    if (DATE_ONLY.test(v)) {
      const [y, m, d] = v.split('-').map(Number) as [number, number, number];
      return { cell: new Date(Date.UTC(y, m - 1, d)), format: 'date' };
    }
    if (TIMESTAMP.test(v)) {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) return { cell: new Date(t + BEIJING_MS), format: 'datetime' };
    }
    return { cell: v, format: 'text' };
  }
  return { cell: String(v), format: 'text' };
}

function leaves<T>(columns: readonly ExportColumn<T>[]): ExportColumn<T>[] {
  return columns.flatMap((c) =>
    'children' in c && c.children ? leaves(c.children as ExportColumn<T>[]) : [c],
  );
}

function byPath(row: unknown, path: ColumnType<unknown>['dataIndex']): unknown {
  if (path === undefined || path === null || path === '') return undefined;
  const keys = Array.isArray(path) ? path : [path];
  let v: unknown = row;
  for (const k of keys) v = v == null ? undefined : (v as Record<string | number, unknown>)[k as string];
  return v;
}

const plain = (n: ReactNode): n is string | number => typeof n === 'string' || typeof n === 'number';

/** Text of a header: a string, or the column's exportTitle, else its key. */
function titleOf<T>(c: ExportColumn<T>): string {
  if (c.exportTitle) return c.exportTitle;
  if (plain(c.title as ReactNode)) return String(c.title);
  const path = 'dataIndex' in c ? c.dataIndex : undefined;
  return String(c.key ?? (Array.isArray(path) ? path.join('.') : (path ?? '')));
}

/**
 * The sheet of a table: its leaf columns in order (groups flattened), each row's cells. A column
 * is left out when `exportValue` is false, or when it has neither a value nor a `dataIndex` and
 * its render draws elements (a button, a link) — an action column.
 */
export function tableToSheet<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  t: (key: string) => string,
): Sheet {
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  const cols: { title: string; get: (row: T, i: number) => unknown }[] = [];
  for (const c of leaves(columns)) {
    if (c.exportValue === false || c.hidden) continue;
    const ev = c.exportValue;
    const path = 'dataIndex' in c ? c.dataIndex : undefined;
    const render = 'render' in c ? c.render : undefined;
    if (ev) {
      cols.push({ title: titleOf(c), get: ev });
      continue;
    }
    const get = (row: T, i: number): unknown => {
      const raw = byPath(row, path);
      if (render) {
        const shown = render(raw, row, i) as ReactNode;
        if (plain(shown)) return shown;
        if (shown === null || shown === undefined) return path === undefined ? null : raw;
        if (isValidElement(shown) || typeof shown === 'object') return path === undefined ? undefined : raw;
      }
      return raw;
    };
    // An action column: no field and only elements drawn, in every row.
    if (path === undefined && rows.length && rows.every((r, i) => get(r, i) === undefined)) continue;
    if (path === undefined && !rows.length && render) continue;
    cols.push({ title: titleOf(c), get });
  }
  const formats: SheetFormat[] = cols.map(() => 'text');
  const seen = cols.map(() => false);
  const out = rows.map((row, i) =>
    cols.map((c, j) => {
      const { cell, format } = toCell(c.get(row, i), yesNo);
      // A column's format is its first value's (a date column, a number column).
      if (cell !== null && !seen[j]) {
        seen[j] = true;
        formats[j] = format;
      }
      return cell;
    }),
  );
  return { headers: cols.map((c) => c.title), formats, rows: out };
}

/** `<title>-<yyyy-mm-dd>.<ext>` (Beijing date), without the characters file systems refuse. */
export function exportFileName(title: string, ext = 'xlsx', now: Date = new Date()): string {
  const day = new Date(now.getTime() + BEIJING_MS).toISOString().slice(0, 10);
  const safe =
    title
      .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'export';
  return `${safe}-${day}.${ext}`;
}

/** An Excel sheet name: at most 31 characters, none of \ / ? * [ ] : */
export function sheetName(title: string): string {
  return (
    title
      .replace(/[\\/?*[\]:]+/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}
