import ExcelJS from 'exceljs';

/**
 * One table as an .xlsx workbook: a bold, frozen header row with the headers the page shows, then
 * the rows, columns as wide as their text. Lists that export "what the page shows" use it.
 */
export async function tableWorkbook(
  sheet: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
  ws.columns.forEach((col, i) => {
    const widest = Math.max(
      ...[header[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((s) => [...s].length),
    );
    col.width = Math.min(60, Math.max(8, widest * 2 + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
