import { type DataColumn, dataColumnAliases, dataColumnOf, dataColumns } from '@jixiao/contracts';
import {
  type BonusInput,
  DATA_ROW_KINDS,
  type DataRow,
  type DataRowIssue,
  type DeductionInput,
  type EvaluationInput,
  type Plan,
  parsePeriod,
  type UnitInput,
  type ValueInput,
  type VetoInput,
  validateDataRows,
} from '@jixiao/engine';
import ExcelJS from 'exceljs';
import { cellsByColumn, decodeCsv, detectFormat, mapHeader, parseCsv } from '../org/org-import.parse.js';
import { planLeaves } from '../plans/plan-leaves.js';

/**
 * Data files of `jixiao evaluate` and of the office's data import (imports.service): CSV, .xlsx
 * or JSON rows, a header row, then one row per value, keyed by unit and indicator codes:
 *
 *   unit 单位 | indicator 指标 | period 期间 | value 数值 | kind 类型 | reason 事由 | group 分组 | name 名称
 *
 * `kind` is one of the engine's value kinds (value — the default —, target, baseline, baseValue,
 * peerValue, peerBaseValue, score: one expert score per row) or an event: `bonus` (indicator =
 * bonus source code, value = points), `deduction` (value = points, reason required, indicator
 * optional) or `veto` (indicator = the event code, value ignored). `group`/`name`/`category` give
 * the unit list to the CLI (the server takes units from the organisation); an .xlsx file may
 * instead carry a sheet named "units" (单位) with columns unit, name, group, category.
 * A JSON file (recognised by its content) is an array of row objects with the same column names.
 * Line numbers are the spreadsheet's (header = line 1); a JSON row's is its index + 1. Every problem
 * carries a `code` and `params` (rendered by the web through i18n) besides its English message.
 * Pure apart from decoding the bytes.
 */

export type DataFileRow = TableRow<DataColumn>;

/**
 * What can be wrong with a data file or one of its rows (ImportProblem.code in the contracts).
 * `file_changed` and `period_closed` are raised by the import service, not by the parser; the last
 * five by the hotline statistics' check (hotline/hotline.rows.ts), after them the expert pool's.
 */
export type DataProblemCode =
  | 'unknown_unit'
  | 'unknown_indicator'
  | 'not_a_number'
  | 'duplicate'
  | 'bad_period'
  | 'wrong_period'
  | 'period_closed'
  | 'bad_kind'
  | 'unknown_source'
  | 'reason_required'
  | 'event_code_required'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'empty_file'
  | 'no_data_rows'
  | 'unreadable'
  | 'no_data_sheet'
  | 'file_changed'
  | 'period_out_of_year'
  | 'duplicate_unit'
  | 'negative_volume'
  | 'fractional_volume'
  | 'rate_out_of_range'
  // The expert pool's import (innovation/expert-rows.ts).
  | 'value_required'
  | 'bad_affiliation'
  | 'bad_phone'
  | 'bad_email'
  | 'bad_flag'
  | 'duplicate_expert';

export interface DataProblem {
  line: number;
  /** The column (unit, indicator, period, value, kind, reason…) or `file` / `header`. */
  field: string;
  code: DataProblemCode;
  params: Record<string, string | number>;
  /** English, for logs and the CLI. */
  message: string;
}

/** A problem of a data file (or of another file read with readTable, e.g. hotline statistics). */
export const problem = (
  line: number,
  field: string,
  code: DataProblemCode,
  params: DataProblem['params'],
  message: string,
): DataProblem => ({ line, field, code, params, message });

export type DataFormat = 'xlsx' | 'csv' | 'json';

export interface DataFile {
  format: DataFormat;
  rows: DataFileRow[];
  /** Units named by the file (units sheet, or rows with a group), for the CLI. */
  units: UnitInput[];
  /** Problems with the file's shape (header); rows are not checked here. */
  problems: DataProblem[];
}

type Rec = { line: number; cells: string[] };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: string }).error);
  }
  return String(v);
}

function sheetRecords(ws: ExcelJS.Worksheet): Rec[] {
  const out: Rec[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
    out.push({ line, cells });
  });
  return out;
}

/**
 * Any table file as rows of text cells, the header first: a CSV (UTF-8 or GB18030) or the first
 * sheet of an .xlsx. For files with columns of their own (paper questionnaires); null when the
 * bytes are neither.
 */
export async function readTableRows(buf: Uint8Array): Promise<Rec[] | null> {
  if (detectFormat(buf) === 'csv') return parseCsv(decodeCsv(buf));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const first = wb.worksheets[0];
  return first ? sheetRecords(first) : [];
}

/**
 * The columns of one kind of file: how a header cell names a column, which columns must be there
 * and the name a "missing column" message gives each. The data import's columns are one vocabulary
 * (DATA_COLUMNS), the hotline statistics' another (hotline/hotline.rows.ts).
 */
export interface TableColumns<C extends string> {
  columnOf: (cell: string) => C | undefined;
  required: readonly C[];
  label: (c: C) => string;
}

/** A row of a file read with a vocabulary: its line (header = 1) and its non-blank cells by column. */
export interface TableRow<C extends string> {
  line: number;
  cells: Partial<Record<C, string>>;
}

function mapRecords<C extends string>(
  records: Rec[],
  problems: DataProblem[],
  columns: TableColumns<C>,
): TableRow<C>[] {
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank[0];
  if (!header) {
    problems.push(problem(1, 'file', 'empty_file', {}, 'the file is empty: no header row'));
    return [];
  }
  const { at, issues } = mapHeader(header.cells, columns.columnOf, columns.required);
  for (const x of issues)
    problems.push(
      x.kind === 'unknown'
        ? problem(
            header.line,
            'header',
            'unknown_column',
            { column: x.cell, index: x.index + 1 },
            `unknown column "${x.cell}" (column ${x.index + 1})`,
          )
        : x.kind === 'duplicate'
          ? problem(
              header.line,
              x.column,
              'duplicate_column',
              { column: x.column },
              `column ${x.column} appears twice`,
            )
          : problem(
              header.line,
              x.column,
              'missing_column',
              { column: x.column },
              `missing column ${x.column} (${columns.label(x.column)})`,
            ),
    );
  return nonBlank.slice(1).map((r) => ({ line: r.line, cells: cellsByColumn(r.cells, at) }));
}

const dataTable = (required: DataColumn[]): TableColumns<DataColumn> => ({
  columnOf: dataColumnOf,
  required,
  label: (c) => dataColumnAliases[c][2] ?? c,
});
/** A data file's columns: a unit, an indicator and a value on every row. */
const DATA_COLUMNS = dataTable(['unit', 'indicator', 'value']);
/** An .xlsx data file's units sheet. */
const UNIT_COLUMNS = dataTable(['unit', 'group']);

/** Units named by rows that carry a group (the first such row of each unit). */
export function unitsOf(rows: DataFileRow[]): UnitInput[] {
  const m = new Map<string, UnitInput>();
  for (const r of rows) {
    const code = r.cells.unit;
    if (!code || !r.cells.group || m.has(code)) continue;
    m.set(code, {
      code,
      group: r.cells.group,
      ...(r.cells.name ? { name: r.cells.name } : {}),
      ...(r.cells.category ? { category: r.cells.category } : {}),
    });
  }
  return [...m.values()];
}

/** Whether bytes are JSON (an array of rows, or the engine's input object) rather than CSV. */
export function looksLikeJson(buf: Uint8Array): boolean {
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  return buf[i] === 0x5b || buf[i] === 0x7b; // [ or {
}

const unreadable = (format: DataFormat, detail: string, what: string): DataFile => ({
  format,
  rows: [],
  units: [],
  problems: [problem(1, 'file', 'unreadable', { detail }, `${what} (${detail})`)],
});

/** A header but no row below it. */
const noRows = (rows: unknown[], problems: DataProblem[], line: number) => {
  if (rows.length === 0 && problems.length === 0)
    problems.push(problem(line, 'file', 'no_data_rows', {}, 'the file has a header row but no data rows'));
};

/** A CSV or .xlsx file read with one vocabulary; `workbook` is the .xlsx, for its other sheets. */
export interface Table<C extends string> {
  format: 'csv' | 'xlsx';
  rows: TableRow<C>[];
  problems: DataProblem[];
  workbook?: ExcelJS.Workbook;
}

/**
 * CSV or .xlsx bytes (the format told by their content) as header-mapped rows of one vocabulary,
 * with the problems of the file's shape (empty, unreadable, header); rows are not checked here.
 * Of a workbook, `sheet` picks the data sheet (default: the first).
 */
export async function readTable<C extends string>(
  buf: Uint8Array,
  columns: TableColumns<C>,
  sheet: (wb: ExcelJS.Workbook) => ExcelJS.Worksheet | undefined = (wb) => wb.worksheets[0],
): Promise<Table<C>> {
  const problems: DataProblem[] = [];
  if (buf.length === 0)
    return { format: 'csv', rows: [], problems: [problem(1, 'file', 'empty_file', {}, 'the file is empty')] };
  if (detectFormat(buf) === 'csv') {
    const rows = mapRecords(parseCsv(decodeCsv(buf)), problems, columns);
    noRows(rows, problems, 1);
    return { format: 'csv', rows, problems };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const { problems } = unreadable('xlsx', (e as Error).message, 'not a readable .xlsx workbook');
    return { format: 'xlsx', rows: [], problems };
  }
  const data = sheet(wb);
  if (!data)
    return {
      format: 'xlsx',
      rows: [],
      problems: [problem(1, 'file', 'no_data_sheet', {}, 'the workbook has no data sheet')],
    };
  const rows = mapRecords(sheetRecords(data), problems, columns);
  noRows(rows, problems, 1);
  return { format: 'xlsx', rows, problems, workbook: wb };
}

/** Read a CSV, .xlsx or JSON-rows data file (the format told by its content) into header-mapped rows. */
export async function readDataFile(buf: Uint8Array): Promise<DataFile> {
  if (buf.length > 0 && detectFormat(buf) === 'csv' && looksLikeJson(buf)) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, ''));
    } catch (e) {
      return unreadable('json', (e as Error).message, 'not readable JSON');
    }
    if (!Array.isArray(json))
      return unreadable('json', 'a JSON data file is an array of row objects', 'not an array of rows');
    const file = jsonRows(json);
    noRows(file.rows, file.problems, 1);
    return file;
  }
  const isUnits = (n: string) => /^(units?|单位)/i.test(n.trim());
  const { format, rows, problems, workbook } = await readTable(buf, DATA_COLUMNS, (wb) =>
    wb.worksheets.find((w) => !isUnits(w.name)),
  );
  const unitSheet = workbook?.worksheets.find((w) => isUnits(w.name));
  let units = unitsOf(rows);
  if (unitSheet) {
    const up: DataProblem[] = [];
    units = unitsOf(mapRecords(sheetRecords(unitSheet), up, UNIT_COLUMNS));
    problems.push(
      ...up.map((p) => ({
        ...p,
        params: { ...p.params, sheet: unitSheet.name },
        message: `sheet "${unitSheet.name}": ${p.message}`,
      })),
    );
  }
  return { format, rows, units, problems };
}

/** JSON data rows (docs/plan-format.md §11): an array of objects with the same columns; line = index + 1. */
export function jsonRows(rows: unknown[]): DataFile {
  const out: DataFileRow[] = rows.map((r, i) => {
    const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const cells: DataFileRow['cells'] = {};
    for (const c of dataColumns) {
      const v = o[c];
      if (v !== undefined && v !== null && String(v).trim() !== '') cells[c] = String(v).trim();
    }
    return { line: typeof o.line === 'number' ? o.line : i + 1, cells };
  });
  return { format: 'json', rows: out, units: unitsOf(out), problems: [] };
}

export type PeriodInput = Omit<EvaluationInput, 'units'>;

const fieldOf: Record<DataRowIssue['code'], DataColumn> = {
  unknown_unit: 'unit',
  unknown_indicator: 'indicator',
  bad_period: 'period',
  not_a_number: 'value',
  bad_kind: 'kind',
  duplicate: 'indicator',
};

/** The params of an engine issue, taken from the row it names. */
function issueParams(code: DataRowIssue['code'], row: DataRow | undefined): DataProblem['params'] {
  const r = row ?? { unit: '', indicator: '', period: '', value: null };
  switch (code) {
    case 'unknown_unit':
      return { unit: r.unit };
    case 'unknown_indicator':
      return { indicator: r.indicator };
    case 'bad_period':
      return { period: String(r.period) };
    case 'not_a_number':
      return { value: r.value === null ? '' : String(r.value) };
    case 'bad_kind':
      return { kind: r.kind ?? '' };
    case 'duplicate':
      return { unit: r.unit, indicator: r.indicator };
  }
}

const EVENT_KINDS = ['bonus', 'deduction', 'veto'] as const;

/** A row problem whose English message names its line (the row checks of every data file word theirs so). */
export const lineProblem = (
  line: number,
  field: string,
  code: DataProblemCode,
  params: DataProblem['params'],
  message: string,
) => problem(line, field, code, params, `line ${line}: ${message}`);

/**
 * Check every row against the plan and the unit list, reporting all problems with their line,
 * and build one engine input (without units) per period. `period`, when given, is the period
 * being loaded: rows without one take it, rows of another period are refused (wrong_period).
 * Duplicates: a second value of the same kind for a unit and indicator (the engine's check), or an
 * event row repeated (same unit, kind, source / indicator / event code, reason and points) — two
 * awards from one bonus source or two deductions on one indicator are legitimate when they differ.
 */
export function buildInputs(
  plan: Plan,
  units: UnitInput[],
  rows: DataFileRow[],
  opts: { period?: string } = {},
): { problems: DataProblem[]; inputs: Map<string, PeriodInput> } {
  const problems: DataProblem[] = [];
  const bad = (...p: Parameters<typeof lineProblem>) => problems.push(lineProblem(...p));
  const unitCodes = new Set(units.map((u) => u.code));
  const sources = new Set((plan.bonus?.sources ?? []).map((s) => s.code));
  const leafCodes = new Set(planLeaves(plan).map((l) => l.code));
  const valueRows: DataRow[] = [];
  const seenEvents = new Set<string>();
  const events = new Map<
    string,
    { bonuses: BonusInput[]; deductions: DeductionInput[]; vetoes: VetoInput[] }
  >();
  const eventsOf = (p: string) => {
    let e = events.get(p);
    if (!e) {
      e = { bonuses: [], deductions: [], vetoes: [] };
      events.set(p, e);
    }
    return e;
  };
  const kindByLower = new Map<string, string>(
    [...DATA_ROW_KINDS, ...EVENT_KINDS, 'unit'].map((k) => [k.toLowerCase(), k]),
  );
  for (const r of rows) {
    const c = r.cells;
    const period = c.period ?? opts.period ?? '';
    if (opts.period && c.period && c.period !== opts.period) {
      if (parsePeriod(c.period))
        bad(
          r.line,
          'period',
          'wrong_period',
          { period: c.period, expected: opts.period },
          `period "${c.period}" is not the period being loaded (${opts.period})`,
        );
      else
        bad(
          r.line,
          'period',
          'bad_period',
          { period: c.period },
          `period "${c.period}" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y`,
        );
      continue;
    }
    const kind = c.kind ? (kindByLower.get(c.kind.toLowerCase()) ?? c.kind) : 'value';
    // A row of kind "unit" only names a unit (and its group, for the CLI).
    if (kind === 'unit') continue;
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      valueRows.push({
        line: r.line,
        unit: c.unit ?? '',
        indicator: c.indicator ?? '',
        period,
        value: c.value ?? null,
        kind,
      });
      continue;
    }
    let ok = true;
    const unit = c.unit ?? '';
    if (!unitCodes.has(unit)) {
      bad(r.line, 'unit', 'unknown_unit', { unit }, `unknown unit "${unit}"`);
      ok = false;
    }
    if (!parsePeriod(period)) {
      bad(
        r.line,
        'period',
        'bad_period',
        { period },
        `period "${period}" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y`,
      );
      ok = false;
    }
    const points = Number(c.value);
    if (kind !== 'veto' && (c.value === undefined || !Number.isFinite(points))) {
      bad(
        r.line,
        'value',
        'not_a_number',
        { value: c.value ?? '' },
        `points "${c.value ?? ''}" of the ${kind} for ${unit} is not a number`,
      );
      ok = false;
    }
    if (kind === 'bonus' && !sources.has(c.indicator ?? '')) {
      bad(
        r.line,
        'indicator',
        'unknown_source',
        { source: c.indicator ?? '' },
        `"${c.indicator ?? ''}" is not a bonus source of plan ${plan.id}`,
      );
      ok = false;
    }
    if (kind === 'deduction' && !c.reason) {
      bad(r.line, 'reason', 'reason_required', {}, 'a deduction needs a reason');
      ok = false;
    }
    if (kind === 'deduction' && c.indicator && !leafCodes.has(c.indicator)) {
      bad(
        r.line,
        'indicator',
        'unknown_indicator',
        { indicator: c.indicator },
        `"${c.indicator}" is not an indicator of plan ${plan.id} that a deduction can be charged to`,
      );
      ok = false;
    }
    if (kind === 'veto' && !c.indicator) {
      bad(
        r.line,
        'indicator',
        'event_code_required',
        {},
        'a veto needs the event code in the indicator column',
      );
      ok = false;
    }
    if (!ok) continue;
    const key = [period, unit, kind, c.indicator ?? '', c.reason ?? '', kind === 'veto' ? '' : points].join(
      '|',
    );
    if (seenEvents.has(key)) {
      bad(
        r.line,
        'indicator',
        'duplicate',
        { unit, indicator: c.indicator ?? '' },
        `second ${kind} for ${unit} / ${c.indicator ?? ''} in ${period}`,
      );
      continue;
    }
    seenEvents.add(key);
    const e = eventsOf(period);
    if (kind === 'bonus')
      e.bonuses.push({ unit, source: c.indicator!, points, ...(c.reason ? { reason: c.reason } : {}) });
    else if (kind === 'deduction')
      e.deductions.push({
        unit,
        points,
        reason: c.reason!,
        ...(c.indicator ? { indicator: c.indicator } : {}),
      });
    else e.vetoes.push({ unit, event: c.indicator!, ...(c.reason ? { reason: c.reason } : {}) });
  }
  const checked = validateDataRows(plan, units, valueRows);
  const rowAt = new Map(valueRows.map((r) => [r.line!, r]));
  for (const i of checked.issues)
    problems.push(
      problem(i.line, fieldOf[i.code], i.code, issueParams(i.code, rowAt.get(i.line)), i.message),
    );
  problems.sort((a, b) => a.line - b.line);
  const inputs = new Map<string, PeriodInput>();
  if (problems.length > 0) return { problems, inputs };
  const periods = new Set([...checked.inputs.keys(), ...events.keys()]);
  if (opts.period) periods.add(opts.period);
  for (const p of periods) {
    const values: ValueInput[] = checked.inputs.get(p)?.values ?? [];
    const e = events.get(p) ?? { bonuses: [], deductions: [], vetoes: [] };
    inputs.set(p, { period: p, values, bonuses: e.bonuses, deductions: e.deductions, vetoes: e.vetoes });
  }
  return { problems, inputs };
}

/** Rows of a data file for an engine input (the inverse of buildInputs), e.g. to write a template out. */
export function inputToRows(input: EvaluationInput): string[][] {
  const out: string[][] = [['unit', 'indicator', 'period', 'value', 'kind', 'reason', 'group', 'name']];
  const unitInfo = new Map(input.units.map((u) => [u.code, u]));
  const first = new Set<string>();
  const info = (unit: string) => {
    if (first.has(unit)) return ['', ''];
    first.add(unit);
    const u = unitInfo.get(unit);
    return [u?.group ?? '', u?.name ?? ''];
  };
  const fields = ['value', 'target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const;
  for (const v of input.values) {
    for (const f of fields) {
      const x = v[f];
      if (x !== undefined && x !== null)
        out.push([v.unit, v.indicator, input.period, String(x), f, '', ...info(v.unit)]);
    }
    for (const s of v.scores ?? [])
      out.push([v.unit, v.indicator, input.period, String(s), 'score', '', ...info(v.unit)]);
  }
  for (const b of input.bonuses ?? [])
    out.push([b.unit, b.source, input.period, String(b.points), 'bonus', b.reason ?? '', ...info(b.unit)]);
  for (const d of input.deductions ?? [])
    out.push([
      d.unit,
      d.indicator ?? '',
      input.period,
      String(d.points),
      'deduction',
      d.reason,
      ...info(d.unit),
    ]);
  for (const v of input.vetoes ?? [])
    out.push([v.unit, v.event, input.period, '', 'veto', v.reason ?? '', ...info(v.unit)]);
  // Units without any row still need their group.
  for (const u of input.units)
    if (!first.has(u.code)) out.push([u.code, '', input.period, '', 'unit', '', u.group, u.name ?? '']);
  return out;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const toCsv = (rows: string[][]) => `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
