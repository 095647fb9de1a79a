import { describe, expect, it } from 'vitest';
import { buildTrendChartOption } from './trendChart.js';

describe('buildTrendChartOption', () => {
  const years = [
    { year: 2024, total: 83.5, rank: 10, groupSize: 32, grade: { name: '良好', color: '#1677ff' } },
    { year: 2025, total: 71.2, rank: 32, groupSize: 32, grade: { name: '不合格', color: '#cf1322' } },
    { year: 2026, total: 74, rank: 31, groupSize: 31, grade: null },
  ];
  const opt = buildTrendChartOption(years, { total: '总分', rank: '名次' });

  it('has one point per year, totals coloured by grade, ranks on an inverted axis up to the group size', () => {
    expect(opt.xAxis.data).toEqual(['2024', '2025', '2026']);
    expect(opt.series[0]!.data).toEqual([
      { value: 83.5, itemStyle: { color: '#1677ff' } },
      { value: 71.2, itemStyle: { color: '#cf1322' } },
      { value: 74, itemStyle: { color: '#8c8c8c' } },
    ]);
    expect(opt.series[1]!.data).toEqual([10, 32, 31]);
    expect(opt.yAxis[1]).toMatchObject({ inverse: true, min: 1, max: 32 });
    // The total axis starts on a round number below the lowest total (71.2 → 65).
    expect(opt.yAxis[0]!.min).toBe(65);
  });

  it('handles no years', () => {
    const empty = buildTrendChartOption([], { total: 't', rank: 'r' });
    expect(empty.xAxis.data).toEqual([]);
    expect(empty.yAxis[1]!.max).toBe(1);
  });
});
