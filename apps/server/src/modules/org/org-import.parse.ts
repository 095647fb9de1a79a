import { orgImportColumns } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

/**
 * Pure parsing of an org import file (.xlsx or .csv) into rows keyed by column. No database, no
 * validation of values: that is the service's job. Line numbers are the spreadsheet's (header = 1).
 */

export type ImportColumn = (typeof orgImportColumns)[number];

/** Chinese titles of the template columns; a header cell may hold the Chinese, the English or both. */
export const columnTitles: Record<ImportColumn, string> = {
  code: '编码',
  name: '名称',
  kind: '类型',
  parentCode: '上级编码',
  systemCode: '考评体系编码',
  groupCode: '分组编码',
  sortOrder: '排序',
};

/** The header cell text written into templates: "编码 code". */
export const headerTitle = (c: ImportColumn) => `${columnTitles[c]} ${c}`;

export const MAX_IMPORT_ROWS = 20_000;

export interface ParsedRow {
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

export interface HeaderProblem {
  line: number;
  field?: string;
  message: string;
}

export interface ParsedSheet {
  format: 'xlsx' | 'csv';
  rows: ParsedRow[];
  /** Problems with the header row itself (missing or unknown columns). */
  headerProblems: HeaderProblem[];
}

const badFile = (message: string) =>
  new AppError('VALIDATION_FAILED', `file: ${message}`, [{ path: 'file', message }]);

/** .xlsx files are ZIP archives; everything else is treated as CSV text. */
export function detectFormat(buf: Uint8Array): 'xlsx' | 'csv' {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04
    ? 'xlsx'
    : 'csv';
}

/**
 * Decode CSV bytes: UTF-8 (a BOM is dropped); when the bytes are not valid UTF-8, GB18030 — what
 * Excel on Chinese Windows writes for plain "CSV".
 */
export function decodeCsv(buf: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gb18030').decode(buf);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields optionally quoted with
 * `"` and a quote inside a quoted field doubled. Returns the records with their starting line.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedFrom = 0;
  const n = text.length;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next lone quote.
      quotedFrom = line;
      i++;
      for (;;) {
        if (i >= n) throw badFile(`unterminated quoted field starting on line ${quotedFrom}`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // After the closing quote only a separator or the end of the record may follow.
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
        throw badFile(`unexpected text after a closing quote on line ${line}`);
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  // A final record without a line break (but not the empty remainder after a trailing newline).
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}

/** Text of an exceljs cell value: rich text, formulas, hyperlinks, dates and numbers flattened. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: string }).error);
  }
  return String(v);
}

async function xlsxRecords(buf: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw badFile(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badFile('the workbook has no worksheet');
  if (ws.actualRowCount > MAX_IMPORT_ROWS + 1)
    throw badFile(
      `at most ${MAX_IMPORT_ROWS} rows may be imported at once; this sheet has ${ws.actualRowCount - 1}`,
    );
  const records: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // row.values is 1-based with a hole at 0.
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
    records.push({ line: rowNumber, cells });
  });
  return records;
}

const normalise = (s: string) => s.trim().toLowerCase();
const englishByLower = new Map(orgImportColumns.map((c) => [c.toLowerCase(), c]));
const chineseToColumn = new Map(orgImportColumns.map((c) => [columnTitles[c], c]));

/** The column a header cell names: English ("parentCode"), Chinese ("上级编码") or both ("上级编码 parentCode"). */
export function matchHeader(cell: string): ImportColumn | undefined {
  const whole = normalise(cell);
  if (!whole) return undefined;
  const direct = englishByLower.get(whole) ?? chineseToColumn.get(cell.trim());
  if (direct) return direct;
  const tokens = cell
    .split(/[\s()（）/|:：,，]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const found = new Set<ImportColumn>();
  for (const t of tokens) {
    const c = englishByLower.get(t.toLowerCase()) ?? chineseToColumn.get(t);
    if (c) found.add(c);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A header cell that names no column (`index` from 0), a column named twice, or a required one absent. */
export type HeaderIssue<C> =
  | { kind: 'unknown'; cell: string; index: number }
  | { kind: 'duplicate'; column: C }
  | { kind: 'missing'; column: C };

/**
 * Read a header row with `match`: the column at each position, and what is wrong with it, in
 * order: unknown and repeated cells left to right, then the `required` columns it lacks. Each kind
 * of file words these problems its own way.
 */
export function mapHeader<C extends string>(
  cells: string[],
  match: (cell: string) => C | undefined,
  required: readonly C[],
): { at: (C | undefined)[]; issues: HeaderIssue<C>[] } {
  const at: (C | undefined)[] = [];
  const issues: HeaderIssue<C>[] = [];
  const seen = new Set<C>();
  cells.forEach((cell, index) => {
    if (!cell.trim()) return;
    const c = match(cell);
    if (!c) issues.push({ kind: 'unknown', cell: cell.trim(), index });
    else if (seen.has(c)) issues.push({ kind: 'duplicate', column: c });
    else {
      seen.add(c);
      at[index] = c;
    }
  });
  for (const column of required) if (!seen.has(column)) issues.push({ kind: 'missing', column });
  return { at, issues };
}

/** A data row's non-blank cells (trimmed) by the column the header put above them. */
export function cellsByColumn<C extends string>(
  cells: string[],
  at: (C | undefined)[],
): Partial<Record<C, string>> {
  const out: Partial<Record<C, string>> = {};
  cells.forEach((cell, i) => {
    const c = at[i];
    const v = cell.trim();
    if (c && v !== '') out[c] = v;
  });
  return out;
}

/** Parse an uploaded file into header-mapped rows. Throws a 400 for unreadable or empty files. */
export async function parseOrgImport(buf: Uint8Array): Promise<ParsedSheet> {
  if (buf.length === 0) throw badFile('the file is empty');
  const format = detectFormat(buf);
  const records = format === 'xlsx' ? await xlsxRecords(buf) : parseCsv(decodeCsv(buf));
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank[0];
  if (!header) throw badFile('the file is empty: no header row and no data rows');

  const { at: columnAt, issues } = mapHeader(header.cells, matchHeader, ['code', 'name', 'kind']);
  const headerProblems: HeaderProblem[] = issues.map((x) =>
    x.kind === 'unknown'
      ? { line: header.line, message: `unknown column "${x.cell}" (column ${x.index + 1})` }
      : x.kind === 'duplicate'
        ? { line: header.line, field: x.column, message: `column ${x.column} appears twice` }
        : { line: header.line, field: x.column, message: `missing column ${headerTitle(x.column)}` },
  );

  const dataRecords = nonBlank.slice(1);
  if (dataRecords.length === 0) throw badFile('the file has a header row but no data rows');
  if (dataRecords.length > MAX_IMPORT_ROWS)
    throw badFile(
      `at most ${MAX_IMPORT_ROWS} rows may be imported at once; this file has ${dataRecords.length}`,
    );

  const rows: ParsedRow[] = dataRecords.map((r) => ({
    line: r.line,
    values: cellsByColumn(r.cells, columnAt),
  }));
  return { format, rows, headerProblems };
}

/** The template: a data sheet with the header row, and a sheet explaining the columns and kinds. */
export async function buildTemplateXlsx(
  examples: string[][],
  kinds: { kind: string; title: string }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jixiao';
  const data = wb.addWorksheet('组织导入 org import');
  data.columns = orgImportColumns.map((c) => ({
    header: headerTitle(c),
    key: c,
    width: c === 'name' ? 32 : 18,
    // Codes such as "001" must stay text, not become the number 1.
    style: c === 'sortOrder' ? {} : { numFmt: '@' },
  }));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const help = wb.addWorksheet('说明 help');
  help.columns = [
    { width: 20 },
    { width: 28 },
    { width: 18 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 10 },
  ];
  help.addRow(['类型 kind', '说明 meaning']).font = { bold: true };
  for (const k of kinds) help.addRow([k.kind, k.title]);
  help.addRow([]);
  help.addRow(['规则 rules']).font = { bold: true };
  help.addRow(['编码 code', '必填，字母、数字、"."、"-"、"_"；不得与已有编码重复 / required, unique']);
  help.addRow(['名称 name', '必填 / required']);
  help.addRow(['类型 kind', '必填，见上表 / required, one of the kinds above']);
  help.addRow([
    '上级编码 parentCode',
    '已有节点或本文件中的另一行；留空表示顶级（仅绩效办）/ an existing node or another row',
  ]);
  help.addRow(['考评体系编码 systemCode', '可选；已有考评体系 / optional, an existing evaluation system']);
  help.addRow([
    '分组编码 groupCode',
    "可选；须属于该行或其上级的考评体系 / optional, a group of the row's system",
  ]);
  help.addRow(['排序 sortOrder', '可选，非负整数 / optional, a whole number ≥ 0']);
  help.addRow([]);
  help.addRow([
    '示例（请在第一张表中填写，不要在此处填写）/ examples — fill in the first sheet, not here',
  ]).font = { bold: true };
  help.addRow(orgImportColumns.map(headerTitle)).font = { bold: true };
  for (const e of examples) help.addRow(e);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV template: UTF-8 with a BOM (so Excel shows Chinese), CRLF line ends, header row only. */
export function buildTemplateCsv(): Buffer {
  const header = orgImportColumns.map((c) => csvField(headerTitle(c))).join(',');
  return Buffer.from(`\ufeff${header}\r\n`, 'utf8');
}
