import type { Bulletin } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { type Download, XLSX } from '../../platform/download.js';
import { isLagging, mostBehindFirst, quarterEnd } from './progress.js';
import { computeProgress } from './progress.service.js';

const numerals = ['一', '二', '三', '四'];

/** "2026-Q3" → "2026年第三季度绩效管理工作通报". */
export const bulletinTitle = (quarter: string) =>
  `${quarter.slice(0, 4)}年第${numerals[Number(quarter.slice(-1)) - 1]}季度绩效管理工作通报`;

/** The quarterly bulletin (季度通报, S9): every lagging unit and item at the quarter's last month. */
export async function buildBulletin(
  db: Executor,
  actor: Actor,
  planId: number,
  quarter: string,
): Promise<Bulletin> {
  const period = quarterEnd(quarter);
  const m = await computeProgress(db, actor, planId, period);
  const unit = new Map(m.units.map((u) => [u.id, u]));
  const indicator = new Map(m.indicators.map((i) => [i.code, i.name]));
  const rows = m.cells
    .filter((c) => isLagging(c.status))
    .map((c) => ({
      ...c,
      unitName: unit.get(c.unitId)!.name,
      group: unit.get(c.unitId)!.group,
      indicatorName: indicator.get(c.indicator) ?? c.indicator,
    }))
    .sort(mostBehindFirst);
  return { planId, quarter, period, title: bulletinTitle(quarter), rows };
}

const statusText = {
  lagging: '滞后',
  serious: '严重滞后',
  on_track: '正常',
  no_target: '无目标',
  no_data: '未报送',
} as const;

/** The bulletin sheet's header row (row 2, under the title), one heading per column. */
export const bulletinHeader = [
  '组别',
  '单位编码',
  '单位名称',
  '指标编码',
  '指标名称',
  '全年目标',
  '序时目标',
  '实际完成',
  '序时完成率',
  '状态',
] as const;

/** One sheet, a group column, Chinese headers, frozen header row, number formats. */
export async function bulletinXlsx(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('季度通报', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [
    { key: 'group', width: 8 },
    { key: 'unit', width: 10 },
    { key: 'unitName', width: 28 },
    { key: 'indicator', width: 10 },
    { key: 'indicatorName', width: 28 },
    { key: 'target', width: 12, style: { numFmt: '#,##0.00' } },
    { key: 'expected', width: 12, style: { numFmt: '#,##0.00' } },
    { key: 'actual', width: 12, style: { numFmt: '#,##0.00' } },
    { key: 'ratio', width: 12, style: { numFmt: '0.0%' } },
    { key: 'status', width: 10 },
  ];
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = b.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = [...bulletinHeader];
  header.font = { bold: true };
  for (const r of b.rows)
    ws.addRow({
      group: r.group,
      unit: r.unit,
      unitName: r.unitName,
      indicator: r.indicator,
      indicatorName: r.indicatorName,
      target: r.target,
      expected: r.expected,
      actual: r.actual ?? 0,
      ratio: r.ratio,
      status: statusText[r.status],
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The bulletin of a quarter for the caller (GET /api/bulletins/:planId). */
export const getBulletin = (deps: Deps, ctx: Ctx, planId: number, quarter: string) =>
  buildBulletin(deps.database.db, ctx.actor!, planId, quarter);

/** The same bulletin as an .xlsx file. */
export async function bulletinWorkbook(
  deps: Deps,
  ctx: Ctx,
  planId: number,
  quarter: string,
): Promise<Download> {
  const b = await getBulletin(deps, ctx, planId, quarter);
  return { fileName: `bulletin-${b.quarter}.xlsx`, contentType: XLSX, data: await bulletinXlsx(b) };
}
