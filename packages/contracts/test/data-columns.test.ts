import { describe, expect, it } from 'vitest';
import { dataColumnOf, dataColumns } from '../src/index.js';

describe('data file columns', () => {
  it('reads each column by its own name, in any case', () => {
    for (const c of dataColumns) {
      expect(dataColumnOf(c)).toBe(c);
      expect(dataColumnOf(` ${c.toUpperCase()} `)).toBe(c);
    }
  });

  it('reads Chinese names and an event file’s names', () => {
    expect(dataColumnOf('单位编码')).toBe('unit');
    expect(dataColumnOf('分值')).toBe('value');
    expect(dataColumnOf('source')).toBe('indicator');
    expect(dataColumnOf('points')).toBe('value');
  });

  it('reads a header of several words when they name one column', () => {
    expect(dataColumnOf('数值 (value)')).toBe('value');
    expect(dataColumnOf('单位（unit）')).toBe('unit');
  });

  it('reads nothing when the words name no column or two', () => {
    expect(dataColumnOf('remarks')).toBeUndefined();
    expect(dataColumnOf('unit / value')).toBeUndefined();
  });
});
