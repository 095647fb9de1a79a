import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the app's charts need (bars, lines), so the chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts chart filling its box: created once, resized with its box, disposed on unmount, its
 * option replaced whenever it changes. Option builders are pure functions beside it (tested).
 */
export function EChart({
  option,
  testId,
  height,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  testId: string;
  height: number;
  /** A click on a data item (bar, cell, point): its series index and data index. */
  onClick?: (item: { seriesIndex: number; dataIndex: number }) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => {
      const e = p as { seriesIndex?: number; dataIndex?: number };
      if (e.dataIndex !== undefined)
        click.current?.({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
