import ExcelJS from 'exceljs';

/**
 * Tables as .xlsx sheets, one way for every export: an optional title row, a bold, frozen header
 * row with the headers the page shows (Chinese), then the rows; numeric columns in their number
 * format, columns as wide as their text (CJK characters count twice).
 */

export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  /** Excel number format of a numeric column, e.g. `0.00`. */
  numFmt?: string;
}

export interface TableSheet {
  name: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
  /** A bold title above the header (merged over the columns). */
  title?: string;
}

/** Display width of a cell text: CJK and other wide characters count twice. */
export const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** The number format of `decimals` places: 0 → `0`, 2 → `0.00`. */
export const decimalsFormat = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/** Shown width of a cell as Excel will show it (numbers with their column's decimals). */
function shown(v: Cell | undefined, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return v;
  const decimals = numFmt?.split('.')[1]?.length ?? 0;
  return v.toFixed(decimals);
}

/** Adds one table as a sheet of `wb`. */
export function addTable(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const headerRow = t.title ? 2 : 1;
  const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
  if (t.title) {
    ws.mergeCells(1, 1, 1, Math.max(1, t.columns.length));
    const title = ws.getCell(1, 1);
    title.value = t.title;
    title.font = { bold: true, size: 14 };
  }
  const header = ws.getRow(headerRow);
  header.values = t.columns.map((c) => c.header);
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow([...r]);
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.numFmt) col.numFmt = c.numFmt;
    const widest = Math.max(textWidth(c.header), ...t.rows.map((r) => textWidth(shown(r[i], c.numFmt))));
    col.width = Math.min(60, Math.max(8, widest + 2));
  });
  return ws;
}

/** A workbook's bytes. */
export const workbookBytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** One table as an .xlsx workbook: lists that export "what the page shows" use it. */
export async function tableWorkbook(
  sheet: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addTable(wb, {
    name: sheet,
    columns: header.map((h) => ({ header: h })),
    rows: rows.map((r) => r.map((c) => c ?? '')),
  });
  return workbookBytes(wb);
}
