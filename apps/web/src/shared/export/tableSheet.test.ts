import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  type ExportColumns,
  exportFileName,
  percent,
  sheetName,
  tableToSheet,
  toCell,
} from './tableSheet.js';

type Row = {
  unit: string;
  name: string;
  total: number;
  grade: { label: string } | null;
  at: string;
  ok: boolean;
};

const t = (k: string) => ({ 'common.yes': '是', 'common.no': '否' })[k] ?? k;
const rows: Row[] = [
  {
    unit: 'A',
    name: '市发改委',
    total: 95.5,
    grade: { label: '优秀' },
    at: '2026-03-01T02:30:00Z',
    ok: true,
  },
  { unit: 'B', name: '市财政局', total: 80, grade: null, at: '2026-03-02', ok: false },
];
const columns: ExportColumns<Row> = [
  { title: '名次', key: 'rank', render: (_, _r, i) => i + 1 },
  {
    title: '单位',
    key: 'unit',
    render: (_, r) => createElement('a', null, r.name),
    exportValue: (r) => r.name,
  },
  { title: '总分', dataIndex: 'total', render: (v: number) => createElement('b', null, v.toFixed(2)) },
  {
    title: createElement('span', null, '等次'),
    exportTitle: '等次',
    key: 'g',
    exportValue: (r) => r.grade?.label ?? null,
  },
  { title: '时间', dataIndex: 'at' },
  { title: '达标', dataIndex: 'ok' },
  { title: '操作', key: 'actions', render: () => createElement('a', { href: '#' }, 'x') },
  { title: '备注', key: 'hidden', exportValue: false },
];

describe('tableToSheet', () => {
  it('keeps the columns in order with their Chinese headers, numbers as numbers, dates as dates', () => {
    const s = tableToSheet(columns, rows, t);
    expect(s.headers).toEqual(['名次', '单位', '总分', '等次', '时间', '达标']);
    expect(s.formats).toEqual(['number', 'text', 'number', 'text', 'datetime', 'text']);
    // 02:30 UTC is 10:30 in Beijing; the date only string is that day at midnight.
    expect(s.rows).toEqual([
      [1, '市发改委', 95.5, '优秀', new Date(Date.UTC(2026, 2, 1, 10, 30)), '是'],
      [2, '市财政局', 80, null, new Date(Date.UTC(2026, 2, 2)), '否'],
    ]);
    expect(typeof s.rows[0]![2]).toBe('number');
  });

  it('flattens column groups and reads nested dataIndex paths', () => {
    const s = tableToSheet<{ a: { b: number } }>(
      [{ title: '组', children: [{ title: '值', dataIndex: ['a', 'b'] }] }],
      [{ a: { b: 3 } }],
      t,
    );
    expect(s).toEqual({ headers: ['值'], formats: ['number'], rows: [[3]] });
  });

  it('an empty table still has its headers (action columns left out)', () => {
    expect(tableToSheet(columns, [], t).headers).toEqual(['单位', '总分', '等次', '时间', '达标']);
  });
});

describe('cells and names', () => {
  it('strings that look like numbers stay text (codes keep leading zeros)', () => {
    expect(toCell('0012', { yes: '是', no: '否' })).toEqual({ cell: '0012', format: 'text' });
    expect(toCell(Number.NaN, { yes: '是', no: '否' }).cell).toBeNull();
  });
  it('a percentage is its ratio, formatted as %', () => {
    expect(toCell(percent(0.853), { yes: '是', no: '否' })).toEqual({ cell: 0.853, format: 'percent' });
    expect(percent(null)).toBeNull();
  });
  it('file and sheet names', () => {
    expect(exportFileName('考评结果 / 排名', 'xlsx', new Date('2026-12-07T17:00:00Z'))).toBe(
      '考评结果 排名-2026-12-08.xlsx',
    );
    expect(sheetName('a[b]:c')).toBe('a b c');
  });
});
