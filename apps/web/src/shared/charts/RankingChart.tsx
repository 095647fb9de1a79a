import { useMemo } from 'react';
import { EChart } from './EChart.js';
import { buildRankingChartOption, type ChartUnit, type RankingChartLabels } from './rankingChart.js';

export function RankingChart({
  units,
  labels,
  height = 320,
}: {
  units: readonly ChartUnit[];
  labels: RankingChartLabels;
  height?: number;
}) {
  const option = useMemo(() => buildRankingChartOption(units, labels), [units, labels]);
  return <EChart option={option} testId="ranking-chart" height={height} />;
}

export default RankingChart;
