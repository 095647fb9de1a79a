import ExcelJS from 'exceljs';
import { type Sheet, sheetName } from './tableSheet.js';

/**
 * The .xlsx bytes of a sheet. This module (and exceljs, ~250 KB gzip) is imported only when a user
 * exports (`import('./writeXlsx.js')` in ExportButton), so it is not in any page's first load.
 */
export async function writeXlsx(sheet: Sheet, title: string): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.headers).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r);
  sheet.formats.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    if (f === 'percent') col.numFmt = '0.0%';
    if (f === 'date') col.numFmt = 'yyyy-mm-dd';
    if (f === 'datetime') col.numFmt = 'yyyy-mm-dd hh:mm';
    // Width from the longest text (a CJK character counts two), within 8..50.
    const widest = Math.max(
      ...[sheet.headers[i], ...sheet.rows.map((r) => r[i])].map((v) => {
        if (v instanceof Date) return f === 'date' ? 10 : 16;
        const s = v === null || v === undefined ? '' : String(v);
        return [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      }),
    );
    col.width = Math.min(50, Math.max(8, widest + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
