/**
 * Import problems (code + params from the server) as i18n keys naming the row and the column:
 * "第 5 行「数值」列：“abc”不是数字". Pure: the page translates with `t`. Keys live under
 * `imports.where.*`, `imports.column.*` and `imports.problem.*` (i18n/locales/<lang>/events-imports.json).
 */
import { dataColumns, eventKind, type ImportProblem } from '@jixiao/contracts';
import { DATA_ROW_KINDS } from '@jixiao/engine';

export interface Text {
  key: string;
  params?: Record<string, string | number>;
}

/** Problem codes with their own sentence; anything else shows the server's message. */
export const PROBLEM_CODES = [
  'unknown_unit',
  'unknown_indicator',
  'not_a_number',
  'duplicate',
  'bad_period',
  'wrong_period',
  'period_closed',
  'bad_kind',
  'unknown_source',
  'reason_required',
  'event_code_required',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'no_data_rows',
  'unreadable',
  'no_data_sheet',
  'file_changed',
] as const;

/** Columns with a label of their own: a data file's, and the event fields a problem may name. */
export const COLUMNS = [...dataColumns, 'source', 'code', 'points'] as const;

/** Row kinds of a data file (the engine's DATA_ROW_KINDS, then the events) with a label of their own. */
export const ROW_KINDS = [...DATA_ROW_KINDS, ...eventKind.options] as const;

/** The label key of a row kind as the file spells it (empty = value); unknown kinds stay raw. */
export function kindText(kind: string): Text {
  const k = kind.trim() || 'value';
  return (ROW_KINDS as readonly string[]).includes(k)
    ? { key: `imports.kind.${k}` }
    : { key: 'imports.column.other', params: { name: kind } };
}

/** Problems of the header row: the column they name is in their params, not a cell. */
const HEADER_CODES = ['unknown_column', 'duplicate_column', 'missing_column'];
/** Problems of the whole file, wherever the server places them (period_closed comes on line 1). */
const FILE_CODES = [
  'empty_file',
  'no_data_rows',
  'unreadable',
  'no_data_sheet',
  'file_changed',
  'period_closed',
];

export interface ProblemText {
  /** Where: the row and column, the header, or the whole file. */
  where: Text;
  /** The column's label (for a cell). */
  column?: Text;
  /** What: the sentence of the code, or the server's message. */
  what: Text;
  /** The label of a known column named in the params (missing / duplicate column). */
  columnParam?: Text;
  line: number;
  field: string;
}

/**
 * The words of another kind of file that reuses the import's problems (the hotline statistics):
 * its own columns and problem codes, each with its i18n key; the import's own come after them.
 */
export interface ProblemWords {
  columns?: Readonly<Record<string, string>>;
  problems?: Readonly<Record<string, string>>;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The column's label key, or the raw name for a column the UI does not know. */
export function columnText(field: string, words: ProblemWords = {}): Text {
  const own = words.columns?.[field];
  if (own) return { key: own };
  return (COLUMNS as readonly string[]).includes(field)
    ? { key: `imports.column.${field}` }
    : { key: 'imports.column.other', params: { name: field } };
}

export function describeProblem(p: ImportProblem, words: ProblemWords = {}): ProblemText {
  let where: Text;
  let column: Text | undefined;
  if (p.field === 'file' || p.line <= 0 || FILE_CODES.includes(p.code)) where = { key: 'imports.where.file' };
  else if (p.field === 'header' || HEADER_CODES.includes(p.code))
    where = { key: 'imports.where.header', params: { line: p.line } };
  else if (p.field === 'row' || !p.field) where = { key: 'imports.where.row', params: { line: p.line } };
  else {
    column = columnText(p.field, words);
    where = { key: 'imports.where.cell', params: { line: p.line } };
  }
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = typeof v === 'number' ? v : str(v);
  const own = words.problems?.[p.code];
  const what: Text = own
    ? { key: own, params }
    : (PROBLEM_CODES as readonly string[]).includes(p.code)
      ? { key: `imports.problem.${p.code}`, params }
      : { key: 'imports.problem.other', params: { message: p.message || p.code } };
  // "缺少“单位”列": a known column named by its code reads as its label.
  const named =
    p.code !== 'unknown_column' &&
    typeof params.column === 'string' &&
    ((COLUMNS as readonly string[]).includes(params.column) || !!words.columns?.[params.column])
      ? { columnParam: columnText(params.column, words) }
      : {};
  return { where, ...(column ? { column } : {}), what, ...named, line: p.line, field: p.field };
}

type T = (key: string, params?: Record<string, string | number>) => string;

/** One problem as one sentence: "第 5 行「数值」列：“abc”不是数字". */
export function formatProblem(t: T, p: ImportProblem, words?: ProblemWords): string {
  const d = describeProblem(p, words);
  const column = d.column ? t(d.column.key, d.column.params) : '';
  const what = d.columnParam
    ? { ...d.what.params, column: t(d.columnParam.key, d.columnParam.params) }
    : d.what.params;
  return `${t(d.where.key, { ...d.where.params, column })}${t('imports.where.sep')}${t(d.what.key, what)}`;
}

/** Problems in file order: file-wide first, then by line, then by column. */
export function sortProblems(ps: readonly ImportProblem[]): ImportProblem[] {
  return [...ps].sort(
    (a, b) => a.line - b.line || a.field.localeCompare(b.field) || a.code.localeCompare(b.code),
  );
}

/**
 * The problems an error carries: IMPORT_REJECTED lists every one in its details; a refused hash
 * (file_changed) comes as VALIDATION_FAILED with the problem in its details. Null for other errors.
 */
export function rejectedProblems(
  err: { code?: string; details?: unknown } | null | undefined,
  words: ProblemWords = {},
): ImportProblem[] | null {
  if (!err) return null;
  const d = err.details;
  const arr: unknown[] = Array.isArray(d)
    ? d
    : d && typeof d === 'object' && Array.isArray((d as { problems?: unknown }).problems)
      ? (d as { problems: unknown[] }).problems
      : [];
  const problems = arr
    .filter(
      (x): x is ImportProblem =>
        !!x &&
        typeof x === 'object' &&
        typeof (x as ImportProblem).code === 'string' &&
        typeof (x as ImportProblem).line === 'number',
    )
    .map((x) => ({ ...x, field: x.field ?? 'file', params: x.params ?? {}, message: x.message ?? '' }));
  if (err.code === 'IMPORT_REJECTED') return problems;
  const known = (code: string) =>
    (PROBLEM_CODES as readonly string[]).includes(code) || !!words.problems?.[code];
  return problems.some((p) => known(p.code)) ? problems : null;
}

/** Whether a preview may be confirmed: it read rows and found no problem. */
export const canConfirm = (p: { problems: readonly unknown[]; rows: number } | undefined) =>
  !!p && p.problems.length === 0 && p.rows > 0;

/** The accepted data files. */
export const ACCEPT = '.xlsx,.csv,.json';
export const acceptedFile = (name: string) => /\.(xlsx|csv|json)$/i.test(name);
