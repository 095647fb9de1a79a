import type { Plan } from '@jixiao/engine';
import ExcelJS from 'exceljs';
import type { Leaf } from '../plans/plan-leaves.js';

/**
 * The .xlsx an office fills to import a period's data: the data sheet with the header row
 * `unit 单位 | indicator 指标 | period 期间 | value 数值 | kind 类型 | reason 事由` and one row per
 * (unit, leaf indicator) with the period filled, then the sheet 说明 explaining the kinds, the
 * units, the indicators and the bonus sources. Read back by data-file.ts readDataFile. Pure.
 */
export const templateHeader = [
  'unit 单位',
  'indicator 指标',
  'period 期间',
  'value 数值',
  'kind 类型',
  'reason 事由',
] as const;

const kinds: [string, string][] = [
  ['value', '实际完成值（默认；写入该单位该期的填报数据，状态为已提交）'],
  ['target', '目标值（任务书未载明时由绩效办提供）'],
  ['baseline', '基准值'],
  ['baseValue', '基期值（增幅类指标）'],
  ['peerValue', '同类对标值'],
  ['peerBaseValue', '同类对标基期值'],
  ['score', '专家评分：每位专家一行'],
  ['bonus', '加分：指标列填加分项目编码，数值列填分值'],
  ['deduction', '扣分：数值列填分值，事由必填，指标列可填扣分所属指标'],
  ['veto', '一票否决：指标列填事项编码，数值列留空'],
];

export interface TemplateUnit {
  code: string;
  name: string;
  group: string;
}

export async function importTemplate(
  plan: Plan,
  units: TemplateUnit[],
  leaves: Leaf[],
  period: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow([...templateHeader]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const u of units) for (const l of leaves) ws.addRow([u.code, l.code, period, null, 'value', '']);
  ws.columns.forEach((c, i) => {
    c.width = [14, 14, 12, 12, 12, 30][i];
  });

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 60;
  const title = (t: string) => {
    help.addRow([]);
    const r = help.addRow([t]);
    r.font = { bold: true };
  };
  help.addRow([`${plan.name} · ${period} 数据导入模板`]).font = { bold: true, size: 14 };
  help.addRow([
    '每行一个数据：单位编码、指标编码、期间、数值、类型、事由。期间须为导入的期间；类型留空即 value。',
  ]);
  help.addRow(['导入前先预览：所有问题按行列出，确认之前不写入任何数据；任何一行有误，整个文件都不导入。']);
  title('类型 kind');
  for (const [k, text] of kinds) help.addRow([k, text]);
  title('指标 indicator');
  for (const l of leaves) help.addRow([l.code, `${l.name}${l.measureUnit ? `（${l.measureUnit}）` : ''}`]);
  const sources = plan.bonus?.sources ?? [];
  if (sources.length) {
    title('加分项目 bonus');
    for (const s of sources) help.addRow([s.code, s.name]);
  }
  title('单位 unit');
  for (const u of units) help.addRow([u.code, `${u.name}（${u.group}）`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
