import { useMemo } from 'react';
import { EChart } from './EChart.js';
import { buildRankingChartOption, type ChartUnit, type RankingChartLabels } from './rankingChart.js';

export function RankingChart({
  units,
  labels,
  height = 320,
  testId = 'ranking-chart',
  onPick,
  imageName,
}: {
  units: readonly ChartUnit[];
  labels: RankingChartLabels;
  height?: number;
  testId?: string;
  /** A click on a unit's bar. */
  onPick?: (unit: ChartUnit) => void;
  /** Offer "下载图片" under this name (see EChart). */
  imageName?: string;
}) {
  const option = useMemo(() => buildRankingChartOption(units, labels), [units, labels]);
  return (
    <EChart
      option={option}
      testId={testId}
      height={height}
      imageName={imageName}
      onClick={onPick && (({ dataIndex }) => units[dataIndex] && onPick(units[dataIndex]))}
    />
  );
}

export default RankingChart;
