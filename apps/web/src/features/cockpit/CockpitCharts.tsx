import type { Cockpit, CockpitGroup, CockpitUnit } from '@jixiao/contracts';
import { Empty } from 'antd';
import { HeatmapChart, RadarChart } from 'echarts/charts';
import { RadarComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../shared/charts/EChart.js';
import { periodName } from '../../shared/periodName.js';
import { buildHeatOption, buildRadarOption, buildTrendOption } from './charts.js';

// The cockpit's own chart types, on top of EChart's bars and lines (only in this route's chunk).
echarts.use([HeatmapChart, RadarChart, RadarComponent, VisualMapComponent]);

/** An explicit empty state with its reason, in place of a chart with nothing to draw. */
export function ChartEmpty({ reason, testId }: { reason: string; testId: string }) {
  const { t } = useTranslation();
  return <Empty data-testid={testId} image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(reason)} />;
}

export function HeatChart({
  group,
  onPick,
}: {
  group: CockpitGroup;
  onPick: (unit: CockpitUnit, indicator: string) => void;
}) {
  const { t } = useTranslation();
  const option = useMemo(() => buildHeatOption(group, { lost: t('cockpit.lost') }), [group, t]);
  const height = Math.max(220, group.units.length * 26 + 120);
  return (
    <EChart
      option={option}
      testId="cockpit-heat"
      height={height}
      imageName={t('cockpit.heat')}
      onClick={({ dataIndex }) => {
        const x = dataIndex % group.indicators.length;
        const y = Math.floor(dataIndex / group.indicators.length);
        const u = group.units[y];
        if (u) onPick(u, group.indicators[x]!.code);
      }}
    />
  );
}

export function RadarOf({
  aspects,
  unit,
  group,
}: {
  aspects: Cockpit['aspects'];
  unit: CockpitUnit;
  group: CockpitGroup;
}) {
  const { t } = useTranslation();
  const option = useMemo(
    () => buildRadarOption(aspects, unit, group.units, { average: t('cockpit.groupAverage') }),
    [aspects, unit, group, t],
  );
  return (
    <EChart
      option={option}
      testId="cockpit-radar"
      height={300}
      imageName={`${t('cockpit.radar')} ${unit.name}`}
    />
  );
}

export function TrendOf({ unit }: { unit: CockpitUnit }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      buildTrendOption(unit.trend, {
        total: t('cockpit.total'),
        rank: t('cockpit.rank'),
        month: (p) => periodName(t, p),
      }),
    [unit, t],
  );
  return (
    <EChart
      option={option}
      testId="cockpit-trend"
      height={260}
      imageName={`${t('cockpit.trend')} ${unit.name}`}
    />
  );
}
