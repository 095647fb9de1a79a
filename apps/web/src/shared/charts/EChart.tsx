import { PictureOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveUrl } from '../export/saveBlob.js';
import { exportFileName } from '../export/tableSheet.js';

// Only what the app's charts need (bars, lines), so the chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart's PNG (twice its pixels, on white, as it would print) as a data URL. */
export const chartPng = (c: echarts.ECharts) =>
  c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });

/**
 * One ECharts chart filling its box: created once, resized with its box (and for print), disposed on
 * unmount, its option replaced whenever it changes. Option builders are pure functions beside it
 * (tested). With `imageName` it offers "下载图片": the chart as `<imageName>-<date>.png`.
 */
export function EChart({
  option,
  testId,
  height,
  onClick,
  imageName,
}: {
  option: echarts.EChartsCoreOption;
  testId: string;
  height: number;
  /** A click on a data item (bar, cell, point): its series index and data index. */
  onClick?: (item: { seriesIndex: number; dataIndex: number }) => void;
  /** The downloaded image's name (without date and extension); no download button without it. */
  imageName?: string;
}) {
  const { t } = useTranslation();
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
    // Paper is narrower than the screen: redraw at the printed width before printing and after.
    const fit = () => c.resize();
    const print = window.matchMedia?.('print');
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', fit);
    print?.addEventListener?.('change', fit);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', fit);
      print?.removeEventListener?.('change', fit);
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const chartDiv = (
    <div
      ref={el}
      data-testid={testId}
      className="echart-box"
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
  if (!imageName) return chartDiv;
  return (
    <div className="echart-frame" style={{ position: 'relative' }}>
      {chartDiv}
      <Tooltip title={t('exports.png')}>
        <Button
          className="no-print"
          size="small"
          type="text"
          icon={<PictureOutlined />}
          aria-label={t('exports.png')}
          data-testid={`${testId}-png`}
          style={{ position: 'absolute', top: 0, right: 0, zIndex: 1 }}
          onClick={() => {
            if (chart.current) saveUrl(chartPng(chart.current), exportFileName(imageName, 'png'));
          }}
        />
      </Tooltip>
    </div>
  );
}
