import { describe, expect, it } from 'vitest';
import { formatInputs, isHalfYear, lostRows, totalLost } from './lost.js';

type Note = { code: 'note.missing_input' | 'note.missing_policy'; params: Record<string, unknown> };
const lp = (code: string, full: number, score: number | null, vars = {}, notes: Note[] = []) => ({
  code,
  name: `指标${code}`,
  full,
  score,
  lost: full - (score ?? 0),
  steps: [],
  vars,
  notes,
});

/** Where an indicator's October value came from: a submission (its id) or the missing-value policy. */
const monthValue = (
  indicator: string,
  kind: 'missing' | 'submission',
  id: number | null,
  value: number | null,
) => ({
  indicator,
  field: 'value' as const,
  kind,
  id,
  period: '2026-M10',
  value,
});

describe('lost points', () => {
  it('largest loss first, ties by code, zero losses dropped, with inputs and share', () => {
    const rows = lostRows([
      lp('T1', 25, 20, { x: 115.3, ref: 120 }),
      lp('D1', 10, 0, { count: null }, [
        { code: 'note.missing_input', params: { field: 'value' } },
        { code: 'note.missing_policy', params: { policy: 'zero' } },
      ]),
      lp('A9', 5, 5),
      lp('C2', 10, 5),
    ]);
    expect(rows.map((r) => [r.code, r.lost, r.missing, r.inputs, r.share])).toEqual([
      ['D1', 10, true, 'count = —', 0.5],
      ['C2', 5, false, '', 0.25],
      ['T1', 5, false, 'x = 115.3, ref = 120', 0.25],
    ]);
    expect(rows.every((r) => !r.leftOut)).toBe(true);
  });
  it('marks a value missing when its source says the plan’s missing-value policy applied', () => {
    const missing = {
      ...lp('T2', 10, 0),
      sources: [{ ...monthValue('T2', 'missing', null, null), policy: 'zero' }],
    };
    const submitted = { ...lp('T3', 10, 8), sources: [monthValue('T3', 'submission', 4, 8)] };
    const rows = lostRows([missing, submitted]);
    expect(rows.map((r) => [r.code, r.missing, r.sources?.length])).toEqual([
      ['T2', true, 1],
      ['T3', false, 1],
    ]);
  });
  it('a value left out of scoring (score null: reweighted or pending) loses nothing and comes last', () => {
    const rows = lostRows([lp('S4', 10, null), lp('T4', 5, 0), lp('D3', 10, 8.71)]);
    expect(rows.map((r) => [r.code, r.leftOut, Math.round(r.share * 1e4) / 1e4])).toEqual([
      ['T4', false, 0.7949],
      ['D3', false, 0.2051],
      ['S4', true, 0],
    ]);
    expect(totalLost(rows)).toBe(6.29);
  });
  it('formats inputs, rounding float noise', () => {
    expect(formatInputs({ x: 0.1 + 0.2, band: '[[60,0.6]]', y: null })).toBe(
      'x = 0.3, band = [[60,0.6]], y = —',
    );
  });
  it('total lost to 2 decimals', () => {
    expect(totalLost([{ lost: 1.005 }, { lost: 2.1 }, { lost: 0.004 }])).toBe(3.11);
    expect(totalLost([])).toBe(0);
  });
  it('the half-year freeze belongs to <year>-H1 only', () => {
    expect(isHalfYear('2026-H1')).toBe(true);
    expect(isHalfYear('2026-H2')).toBe(false);
    expect(isHalfYear('2026-M06')).toBe(false);
    expect(isHalfYear(undefined)).toBe(false);
  });
});
