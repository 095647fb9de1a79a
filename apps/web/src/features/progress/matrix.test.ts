import type { ProgressMatrix } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { defaultMonth, defaultQuarter, matrixRows, pct } from './matrix.js';

const cell = (
  unitId: number,
  unit: string,
  indicator: string,
  status: 'on_track' | 'lagging' | 'serious',
  ratio: number,
) => ({
  unitId,
  unit,
  indicator,
  status,
  ratio,
  target: 120,
  actual: 0,
  expected: 60,
  source: 'submissions' as const,
});
const m: ProgressMatrix = {
  planId: 1,
  period: '2026-M06',
  months: 6,
  indicators: [
    { code: 'I1', name: '主要任务', mode: 'latest' },
    { code: 'P', name: '信息报送', mode: 'latest' },
  ],
  units: [
    { id: 1, code: 'u1', name: '一号局', group: 'A' },
    { id: 2, code: 'u2', name: '二号局', group: 'B1' },
  ],
  cells: [
    cell(1, 'u1', 'I1', 'lagging', 0.8333),
    cell(1, 'u1', 'P', 'on_track', 1),
    cell(2, 'u2', 'I1', 'on_track', 1.2),
    cell(2, 'u2', 'P', 'on_track', 1),
  ],
};

describe('progress matrix helpers', () => {
  it('filters by group, indicator and status', () => {
    expect(matrixRows(m, {}).map((r) => r.code)).toEqual(['u1', 'u2']);
    expect(matrixRows(m, { group: 'B1' }).map((r) => r.code)).toEqual(['u2']);
    expect(matrixRows(m, { status: 'behind' }).map((r) => r.code)).toEqual(['u1']);
    // u1 lags only on I1: filtering to P leaves nobody behind.
    expect(matrixRows(m, { status: 'behind', indicator: 'P' })).toEqual([]);
    expect(Object.keys(matrixRows(m, { indicator: 'P' })[0]!.cells)).toEqual(['P']);
  });
  it('formats ratios and picks default months and quarters', () => {
    expect(pct(0.8333)).toBe('83.3%');
    expect(pct(0.99996)).toBe('99.9%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(1.08)).toBe('108.0%');
    expect(pct(null)).toBe('—');
    // 10 November 2026: October is the last complete month, Q3 the last finished quarter.
    expect(defaultMonth(2026, new Date(2026, 10, 10))).toBe('2026-M10');
    expect(defaultQuarter(2026, new Date(2026, 10, 10))).toBe('2026-Q3');
    expect(defaultMonth(2025, new Date(2026, 0, 5))).toBe('2025-M12');
    expect(defaultQuarter(2026, new Date(2026, 0, 5))).toBe('2026-Q1');
  });
});
