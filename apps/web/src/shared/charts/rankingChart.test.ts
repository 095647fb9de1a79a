import { describe, expect, it } from 'vitest';
import { buildRankingChartOption } from './rankingChart.js';

const ex = { code: 'excellent', name: '优秀', color: '#389e0d' };
const good = { code: 'good', name: '良好', color: '#1677ff' };

describe('buildRankingChartOption', () => {
  const units = [
    { unit: 'A01', name: '甲', total: 95.5, grade: ex },
    { unit: 'A02', name: '乙', total: 88, grade: good },
    { unit: 'A03', name: '丙', total: 71.25, grade: null },
  ];
  const opt = buildRankingChartOption(units, { total: '总分', noGrade: '未定级' });

  it('has one bar per unit in the given order, coloured by grade', () => {
    expect(opt.xAxis.data).toEqual(['甲', '乙', '丙']);
    const bars = opt.series[0]!.data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((b) => b.value)).toEqual([95.5, 88, 71.25]);
    expect(bars.map((b) => b.itemStyle.color)).toEqual(['#389e0d', '#1677ff', '#8c8c8c']);
  });

  it('has a legend entry per grade and a y axis starting below the lowest total', () => {
    expect(opt.legend.data).toEqual(['优秀', '良好', '未定级']);
    expect(opt.series.slice(1).map((s) => s.name)).toEqual(['优秀', '良好', '未定级']);
    expect(opt.yAxis.min).toBe(65);
  });

  it('handles an empty group and rotates many labels', () => {
    expect(buildRankingChartOption([], { total: 't', noGrade: 'n' }).xAxis.data).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => ({
      unit: `U${i}`,
      name: `U${i}`,
      total: 80,
      grade: ex,
    }));
    const o = buildRankingChartOption(many, { total: 't', noGrade: 'n' });
    expect(o.xAxis.axisLabel.rotate).toBe(45);
    expect((o.series[0] as { label?: unknown }).label).toMatchObject({ show: false });
  });
});
