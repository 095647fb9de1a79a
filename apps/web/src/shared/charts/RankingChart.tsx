import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { buildRankingChartOption, type ChartUnit, type RankingChartLabels } from './rankingChart.js';

// Only what the ranking chart needs, so the chunk stays small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function RankingChart({
  units,
  labels,
  height = 320,
}: {
  units: readonly ChartUnit[];
  labels: RankingChartLabels;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(buildRankingChartOption(units, labels), { notMerge: true });
  }, [units, labels]);

  return <div ref={el} data-testid="ranking-chart" style={{ width: '100%', height }} />;
}

export default RankingChart;
