import { describe, expect, it } from 'vitest';
import { dataColumnOf, dataColumns } from '../src/index.js';

describe('data file columns', () => {
  it('reads each column by its own name, in any case', () => {
    for (const c of dataColumns) {
      expect(dataColumnOf(c)).toBe(c);
      expect(dataColumnOf(` ${c.toUpperCase()} `)).toBe(c);
    }
  });

  it.each([
    // Chinese names and an event file's names
    ['单位编码', 'unit'],
    ['分值', 'value'],
    ['source', 'indicator'],
    ['points', 'value'],
    // a header of several words that name one column
    ['数值 (value)', 'value'],
    ['单位（unit）', 'unit'],
    // words that name no column, or two: nothing
    ['remarks', undefined],
    ['unit / value', undefined],
  ])('reads %j as %s', (cell, column) => {
    expect(dataColumnOf(cell)).toBe(column);
  });
});
