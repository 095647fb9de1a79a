/**
 * The option of a unit's trend over the years (考核纪实档案, W5): its total as a line on the left
 * axis, its rank in its group on the right axis (inverted: first at the top), each year's point
 * coloured by its grade. Pure (no echarts import).
 */

export interface TrendYear {
  year: number;
  total: number;
  rank: number;
  groupSize: number;
  grade: { name: string; color: string } | null;
}

export interface TrendChartLabels {
  total: string;
  rank: string;
}

const NO_GRADE_COLOR = '#8c8c8c';

export function buildTrendChartOption(years: readonly TrendYear[], labels: TrendChartLabels) {
  const maxSize = Math.max(1, ...years.map((y) => y.groupSize));
  const totals = years.map((y) => y.total);
  const low = totals.length ? Math.min(...totals) : 0;
  return {
    animation: false,
    grid: { left: 44, right: 44, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0, data: [labels.total, labels.rank] },
    xAxis: { type: 'category' as const, data: years.map((y) => String(y.year)) },
    yAxis: [
      {
        type: 'value' as const,
        name: labels.total,
        min: Math.max(0, Math.floor((low - 5) / 5) * 5),
      },
      {
        type: 'value' as const,
        name: labels.rank,
        inverse: true,
        min: 1,
        max: maxSize,
        minInterval: 1,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: labels.total,
        type: 'line' as const,
        yAxisIndex: 0,
        symbolSize: 10,
        label: { show: true, position: 'top' as const },
        data: years.map((y) => ({ value: y.total, itemStyle: { color: y.grade?.color ?? NO_GRADE_COLOR } })),
      },
      {
        name: labels.rank,
        type: 'line' as const,
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' as const },
        label: { show: true, position: 'bottom' as const },
        data: years.map((y) => y.rank),
      },
    ],
  };
}
