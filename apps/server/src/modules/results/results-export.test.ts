import type { EvaluationRun, UnitScore } from '@jixiao/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RESULT_HEADERS, resultsWorkbook, sheetName } from './results-export';

const components = (target: number, daily: number, social: number | null): UnitScore['components'] => [
  { code: 'target', name: '目标管理考核', score: target, full: 50 },
  { code: 'daily', name: '日常督察考核', score: daily, full: 25 },
  { code: 'social', name: '社会评议考核', score: social, full: 25 },
];

const unit = (u: Partial<UnitScore> & Pick<UnitScore, 'unit' | 'name' | 'group'>): UnitScore => ({
  unitId: null,
  category: u.group.slice(0, 1),
  total: 0,
  base: 0,
  bonus: 0,
  deductions: 0,
  vetoes: [],
  rank: 1,
  placement: 1,
  grade: null,
  components: components(0, 0, 0),
  awards: [],
  ...u,
});

// Hand-made run: group A has three units (listed out of rank order), group B1 one.
// A01: 45.5 + 22.25 + 20 = 87.75 base, + 2 bonus − 0.5 deduction = 89.25, rank 2.
// A02: 48 + 24 + 23.5 = 95.5 base, no events = 95.5, rank 1, 优秀, award 二十佳.
// A03: 40 + 20 + 20.1 = 80.1 base, − 1 = 79.1, vetoed (safety_accident, food_safety), rank 3.
// B101: 44 + 21 + (social not scored) = 65 base, no grade in this run.
const run: EvaluationRun = {
  id: 7,
  planId: 2,
  period: '2016-Y',
  planRevision: 3,
  computedAt: '2017-01-10T08:00:00.000Z',
  computedBy: 'office',
  status: 'released',
  publicity: null,
  submittedAt: null,
  submittedBy: null,
  releasedAt: '2017-01-12T08:00:00.000Z',
  releasedBy: 'leader',
  returnNote: null,
  change: null,
  latest: true,
  quotas: [],
  units: [
    unit({
      unit: 'A01',
      name: '市委办公室',
      group: 'A',
      components: components(45.5, 22.25, 20),
      base: 87.75,
      bonus: 2,
      deductions: 0.5,
      total: 89.25,
      rank: 2,
      placement: 2,
      grade: { code: 'good', name: '良好', color: '#1677ff', downgraded: false },
    }),
    unit({
      unit: 'A03',
      name: '市委宣传部',
      group: 'A',
      components: components(40, 20, 20.1),
      base: 80.1,
      deductions: 1,
      total: 79.1,
      rank: 3,
      placement: 3,
      vetoes: ['safety_accident', 'food_safety'],
      grade: { code: 'pass', name: '合格', color: '#d4b106', downgraded: true },
    }),
    unit({
      unit: 'A02',
      name: '市委组织部',
      group: 'A',
      components: components(48, 24, 23.5),
      base: 95.5,
      total: 95.5,
      rank: 1,
      placement: 1,
      grade: { code: 'excellent', name: '优秀', color: '#389e0d', downgraded: false },
      awards: ['top20'],
    }),
    unit({
      unit: 'B101',
      name: '市发改委',
      group: 'B1',
      components: components(44, 21, null),
      base: 65,
      total: 65,
    }),
  ],
  rankings: [],
  awards: [{ code: 'top20', name: '二十佳', units: ['A02'] }],
};

const groups = [
  { code: 'A', name: '党群口' },
  { code: 'B', name: '政府口' }, // a parent group: no units, so no sheet
  { code: 'B1', name: '综合' },
];

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

/** The 13 cells of a row, empty cells as null. */
const rowValues = (ws: ExcelJS.Worksheet, n: number) =>
  Array.from({ length: 13 }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? null);

const header = [
  '名次',
  '单位代码',
  '单位名称',
  '目标管理考核',
  '日常督察考核',
  '社会评议考核',
  '加分',
  '扣分',
  '基础分',
  '总分',
  '等次',
  '一票否决',
  '奖项',
];

describe('resultsWorkbook', () => {
  it('writes one sheet per group with units, named code + name', async () => {
    const wb = await roundTrip(resultsWorkbook(run, { groups }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A 党群口', 'B1 综合']);
  });

  it('has the Chinese headers in order, a frozen header row, rows by rank with their numbers', async () => {
    const wb = await roundTrip(resultsWorkbook(run, { groups, decimals: 2 }));
    const ws = wb.getWorksheet('A 党群口')!;
    expect(rowValues(ws, 1)).toEqual(header);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(4);
    // Sorted by rank: A02 (1), A01 (2), A03 (3).
    expect(rowValues(ws, 2)).toEqual([
      1,
      'A02',
      '市委组织部',
      48,
      24,
      23.5,
      0,
      0,
      95.5,
      95.5,
      '优秀',
      null,
      '二十佳',
    ]);
    expect(rowValues(ws, 3)).toEqual([
      2,
      'A01',
      '市委办公室',
      45.5,
      22.25,
      20,
      2,
      0.5,
      87.75,
      89.25,
      '良好',
      null,
      null,
    ]);
    expect(rowValues(ws, 4)).toEqual([
      3,
      'A03',
      '市委宣传部',
      40,
      20,
      20.1,
      0,
      1,
      80.1,
      79.1,
      '合格',
      'safety_accident、food_safety',
      null,
    ]);
    // Scores are numbers shown with the plan's decimals.
    expect(typeof ws.getCell('J3').value).toBe('number');
    expect(ws.getCell('J3').numFmt).toBe('0.00');
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    // Widths fit the header at least (单位名称 = 4 wide characters = 8, plus margin).
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(10);
  });

  it('leaves the grade and an unscored component empty', async () => {
    const wb = await roundTrip(resultsWorkbook(run, { groups }));
    const ws = wb.getWorksheet('B1 综合')!;
    expect(rowValues(ws, 2)).toEqual([1, 'B101', '市发改委', 44, 21, null, 0, 0, 65, 65, null, null, null]);
  });

  it('uses the plan decimals: 0 decimals round half up and format as integers', async () => {
    // 87.75 → 88, 89.25 → 89, 22.25 → 22 (half_up to 0 decimals).
    const wb = await roundTrip(resultsWorkbook(run, { groups, decimals: 0 }));
    const ws = wb.getWorksheet('A 党群口')!;
    expect(rowValues(ws, 3).slice(3, 10)).toEqual([46, 22, 20, 2, 1, 88, 89]);
    expect(ws.getCell('J3').numFmt).toBe('0');
  });

  it('puts an optional title above the header and freezes both rows', async () => {
    const wb = await roundTrip(resultsWorkbook(run, { groups, title: '2016 年度考评结果' }));
    const ws = wb.getWorksheet('A 党群口')!;
    expect(ws.getCell('A1').value).toBe('2016 年度考评结果');
    expect(rowValues(ws, 2)).toEqual(header);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('B3').value).toBe('A02');
  });

  it('headers come from one table', () => {
    // The sheet's header without the plan's three component columns (目标管理 … 社会评议).
    expect(Object.values(RESULT_HEADERS)).toEqual([...header.slice(0, 3), ...header.slice(6)]);
  });
});

describe('sheetName', () => {
  it('drops the characters Excel refuses and keeps at most 31 characters', () => {
    expect(sheetName('C1', '垂管/非金融[公共]服务:企*事?业\\单位')).toBe(
      'C1 垂管 非金融 公共 服务 企 事 业 单位',
    );
    const long = sheetName('C1', '垂管部门和非金融类公共服务企事业单位以及其他各类驻锡机构和单位');
    expect([...long]).toHaveLength(31);
    expect(long.startsWith('C1 垂管部门')).toBe(true);
  });

  it('keeps groups whose names clash after cutting apart (Excel compares case-insensitively)', async () => {
    const name = '垂管部门和非金融类公共服务企事业单位以及其他各类驻锡机构和单位';
    const wb = resultsWorkbook(
      {
        ...run,
        units: [unit({ unit: 'X1', name: 'x', group: 'G' }), unit({ unit: 'Y1', name: 'y', group: 'g' })],
      },
      {
        groups: [
          { code: 'G', name: `${name}甲` },
          { code: 'G', name: 'again' }, // a code listed twice gets one sheet
          { code: 'g', name: `${name}乙` },
        ],
      },
    );
    const names = (await roundTrip(wb)).worksheets.map((w) => w.name);
    expect(names).toEqual([`G ${name}`.slice(0, 31), `${`g ${name}`.slice(0, 27)} (2)`]);
  });

  it('gives a unit of a group the list does not name its own sheet', async () => {
    const wb = resultsWorkbook(run, { groups: [{ code: 'A', name: '党群口' }] });
    expect((await roundTrip(wb)).worksheets.map((w) => w.name)).toEqual(['A 党群口', 'B1']);
  });
});
