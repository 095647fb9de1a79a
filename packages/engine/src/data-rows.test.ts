import { describe, expect, it } from 'vitest';
import { validateDataRows } from './data-rows';
import { evaluate } from './evaluate';
import { pointsPlan } from './test-fixtures';

const units = [
  { code: 'A1', group: 'A' },
  { code: 'A2', group: 'A' },
];

describe('validateDataRows', () => {
  it('reports every bad row with its line number', () => {
    const r = validateDataRows(pointsPlan(), units, [
      { unit: 'A1', indicator: 'T1', period: '2016-Y', value: '95' },
      { unit: 'XX', indicator: 'T1', period: '2016-Y', value: 1 },
      { unit: 'A1', indicator: 'T9', period: '2016-Y', value: 1 },
      { unit: 'A1', indicator: 'T2', period: '2016-13', value: 1 },
      { unit: 'A1', indicator: 'T2', period: '2016-Y', value: 'abc' },
      { unit: 'A1', indicator: 'T', period: '2016-Y', value: 1 },
      { unit: 'A1', indicator: 'T1', period: '2016-Y', value: 2, kind: 'weight' },
    ]);
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'unknown_unit'],
      [4, 'unknown_indicator'],
      [5, 'bad_period'],
      [6, 'not_a_number'],
      [7, 'unknown_indicator'], // a component is not a scored indicator
      [8, 'bad_kind'],
    ]);
    expect(r.issues[2]!.message).toBe(
      'line 5: period "2016-13" is not like 2026-M01, 2026-Q1, 2026-H1 or 2026-Y',
    );
  });
  it('groups valid rows into one input per period that evaluates', () => {
    const rows = [
      { unit: 'A1', indicator: 'T1', period: '2016-Y', value: '95' },
      { unit: 'A1', indicator: 'T1', period: '2016-Y', value: '100', kind: 'target' },
      { unit: 'A2', indicator: 'S1', period: '2016-Y', value: 80 },
      { unit: 'A2', indicator: 'S1', period: '2016-H1', value: 70 },
    ];
    const r = validateDataRows(pointsPlan(), units, rows);
    expect(r.issues).toEqual([]);
    expect([...r.inputs.keys()]).toEqual(['2016-Y', '2016-H1']);
    const res = evaluate(pointsPlan(), r.inputs.get('2016-Y')!);
    expect(res.unit('A1')!.indicators.find((i) => i.code === 'T1')!.score).toBe(28.5); // 95/100 × 30
    expect(res.unit('A2')!.indicators.find((i) => i.code === 'S1')!.score).toBe(20); // 80/100 × 25
  });
});
