import { describe, expect, it } from 'vitest';
import { checkHotlineRows, HOTLINE_COLUMNS, periodProblems, pushedRow } from './hotline.rows.js';

const units = new Map([
  ['u1', 1],
  ['u2', 2],
]);
const row = (line: number, cells: Record<string, string>) => ({ line, cells });
const fig = { volume: '40', timelyRate: '92.5%', completionRate: '90', satisfaction: '88' };

describe('hotline rows', () => {
  it('reads header cells in Chinese or English, with a percent sign', () => {
    expect(
      ['单位编码', '工单量', '及时响应率(%)', '按时办结率（%）', 'satisfaction'].map(
        HOTLINE_COLUMNS.columnOf,
      ),
    ).toEqual(['unit', 'volume', 'timelyRate', 'completionRate', 'satisfaction']);
    expect(HOTLINE_COLUMNS.label('volume')).toBe('工单量');
  });

  it('takes percentages and thousands separators', () => {
    const r = checkHotlineRows([row(2, { unit: 'u1', ...fig, volume: '1,204' })], units, '2026-M06');
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        unit: 'u1',
        unitId: 1,
        volume: 1204,
        timelyRate: 92.5,
        completionRate: 90,
        satisfaction: 88,
      },
    ]);
  });

  it('names every problem with its line, column and code', () => {
    const r = checkHotlineRows(
      [
        row(2, { unit: 'u1', ...fig }),
        row(3, { unit: 'u9', ...fig }),
        row(4, { unit: 'u2', ...fig, satisfaction: '100.5', volume: '-1' }),
        row(5, { unit: 'u1', ...fig, period: '2026-M05' }),
      ],
      units,
      '2026-M06',
    );
    expect(r.problems.map((p) => [p.line, p.field, p.code, p.params])).toEqual([
      [3, 'unit', 'unknown_unit', { unit: 'u9' }],
      [4, 'volume', 'negative_volume', { value: '-1' }],
      [4, 'satisfaction', 'rate_out_of_range', { value: '100.5' }],
      [5, 'period', 'wrong_period', { period: '2026-M05', expected: '2026-M06' }],
      [5, 'unit', 'duplicate_unit', { unit: 'u1', first: 2 }],
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });

  it('a period outside the plan year is refused on line 1', () => {
    expect(periodProblems('2026-Q2', 2026)).toEqual([]);
    expect(periodProblems('2025-M12', 2026)[0]).toMatchObject({
      line: 1,
      field: 'period',
      code: 'period_out_of_year',
    });
  });

  it('a pushed row reads as a file row on line index + 1', () => {
    const pushed = pushedRow(
      { unitCode: 'u2', volume: 3, timelyRate: 100, completionRate: 0, satisfaction: 50 },
      0,
    );
    expect(checkHotlineRows([pushed], units, '2026-M06').rows[0]).toMatchObject({
      line: 1,
      unitId: 2,
      completionRate: 0,
    });
  });
});
