/**
 * The option of the group ranking bar chart: one bar per unit in published order, coloured by grade.
 * Pure (no echarts import): the component registers only what it needs from echarts/core.
 */

export interface ChartUnit {
  unit: string;
  name: string;
  total: number;
  grade: { code: string; name: string; color: string } | null;
}

export interface RankingChartLabels {
  /** Axis name of the totals. */
  total: string;
  /** Name of units without a grade. */
  noGrade: string;
}

const NO_GRADE_COLOR = '#8c8c8c';

export function buildRankingChartOption(units: readonly ChartUnit[], labels: RankingChartLabels) {
  const grades: { name: string; color: string }[] = [];
  for (const u of units) {
    const g = u.grade ?? { name: labels.noGrade, color: NO_GRADE_COLOR };
    if (!grades.some((x) => x.name === g.name)) grades.push({ name: g.name, color: g.color });
  }
  const min = units.length ? Math.min(...units.map((u) => u.total)) : 0;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 36, bottom: units.length > 12 ? 96 : 56, containLabel: false },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    // One legend entry per grade: an empty series per grade carries the colour.
    legend: { top: 0, data: grades.map((g) => g.name) },
    xAxis: {
      type: 'category' as const,
      data: units.map((u) => u.name),
      axisLabel: { interval: 0, rotate: units.length > 8 ? 45 : 0, fontSize: 11 },
    },
    yAxis: {
      type: 'value' as const,
      name: labels.total,
      // Start near the lowest total so differences are visible, on a round number.
      min: Math.max(0, Math.floor((min - 5) / 5) * 5),
    },
    series: [
      {
        name: labels.total,
        type: 'bar' as const,
        barMaxWidth: 28,
        data: units.map((u) => ({
          value: u.total,
          itemStyle: { color: u.grade?.color ?? NO_GRADE_COLOR },
        })),
        label: { show: units.length <= 12, position: 'top' as const, formatter: '{c}' },
      },
      ...grades.map((g) => ({
        name: g.name,
        type: 'bar' as const,
        data: [] as number[],
        itemStyle: { color: g.color },
      })),
    ],
  };
}
