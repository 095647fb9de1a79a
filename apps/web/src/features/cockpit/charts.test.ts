import type { CockpitUnit } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  aspectRates,
  buildHeatOption,
  buildRadarOption,
  buildTrendOption,
  emptyReason,
  heatCells,
  losingShares,
  traceLink,
} from './charts.js';

const unit = (
  code: string,
  lost: Record<string, number>,
  aspects: Record<string, number | null>,
): CockpitUnit => ({
  unitId: 1,
  unit: code,
  name: `单位${code}`,
  group: 'A',
  total: 90,
  rank: 1,
  grade: null,
  lostTotal: 0,
  lost,
  aspects,
  trend: [],
});
const group = {
  units: [unit('a', { I1: 2.5 }, { C1: 0.9, C2: 0.5 }), unit('b', { I2: 4 }, { C1: 0.7, C2: null })],
  indicators: [
    { code: 'I2', name: '二', lost: 4 },
    { code: 'I1', name: '一', lost: 2.5 },
  ],
};
const aspects = [
  { code: 'C1', name: '业绩' },
  { code: 'C2', name: '效率' },
];

describe('cockpit view models', () => {
  it('heat cells: every unit × top indicator, 0 where nothing is lost', () => {
    expect(heatCells(group)).toEqual([
      [0, 0, 0],
      [1, 0, 2.5],
      [0, 1, 4],
      [1, 1, 0],
    ]);
    const o = buildHeatOption(group, { lost: '失分' });
    expect(o.visualMap.max).toBe(4);
    expect(o.yAxis.data).toEqual(['单位a', '单位b']);
    expect(o.xAxis.data).toEqual(['二', '一']);
  });

  it('aspect rates in percent (left out → null) and the radar beside the group average', () => {
    expect(aspectRates(aspects, group.units[1]!)).toEqual([70, null]);
    const o = buildRadarOption(aspects, group.units[0]!, group.units, { average: '平均' });
    expect(o.radar.indicator).toEqual([
      { name: '业绩', max: 100 },
      { name: '效率', max: 100 },
    ]);
    // C1 average (0.9 + 0.7) / 2 = 80 %; C2 only a's 0.5 counts (b is left out).
    expect(o.series[0]!.data.map((d) => d.value)).toEqual([
      [90, 50],
      [80, 50],
    ]);
  });

  it('trend: totals on the left axis, ranks on an inverted right axis', () => {
    const o = buildTrendOption(
      [
        { period: '2026-M01', total: 80, rank: 3 },
        { period: '2026-M02', total: 85.5, rank: 2 },
      ],
      { total: '总分', rank: '名次', month: (p) => p.slice(-3) },
    );
    expect(o.xAxis.data).toEqual(['M01', 'M02']);
    expect(o.series.map((s) => s.data)).toEqual([
      [80, 85.5],
      [3, 2],
    ]);
    expect(o.yAxis[1]!.inverse).toBe(true);
  });

  it('the empty reasons: no units, no loss, too few aspects for a radar, no monthly runs', () => {
    const c = { groups: [group as never], aspects, trendPeriods: [] };
    expect(emptyReason('ranking', { ...c, groups: [] })).toBe('cockpit.empty.noUnits');
    expect(emptyReason('heat', c, { ...group, indicators: [] })).toBe('cockpit.empty.noLoss');
    expect(emptyReason('radar', c)).toBe('cockpit.empty.fewAspects');
    expect(emptyReason('radar', { ...c, aspects: [...aspects, { code: 'C3', name: '成本' }] })).toBeNull();
    expect(emptyReason('trend', c)).toBe('cockpit.empty.noTrend');
    expect(emptyReason('trend', { ...c, trendPeriods: ['2026-M01'] })).toBeNull();
  });

  it('losing shares relative to the largest loss, at most n; the trace link', () => {
    expect(
      losingShares(
        [
          { code: 'I1', lost: 2 },
          { code: 'I2', lost: 8 },
          { code: 'I3', lost: 1 },
        ],
        2,
      ),
    ).toEqual([
      { code: 'I2', lost: 8, percent: 100 },
      { code: 'I1', lost: 2, percent: 25 },
    ]);
    expect(traceLink(3, '2026-Y', 'A01')).toBe('/results?plan=3&period=2026-Y&unit=A01');
  });
});
