/**
 * Pure view models and ECharts option builders of the cockpit (issue 13): the heat map of points
 * lost, the radar of a unit's aspects and its monthly trend. No echarts import (CockpitCharts.tsx
 * registers what they need); each is tested alone.
 */
import type { Cockpit, CockpitGroup, CockpitUnit } from '@jixiao/contracts';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The heat map's cells: [indicator column, unit row, points lost] for every unit × top indicator. */
export function heatCells(group: Pick<CockpitGroup, 'units' | 'indicators'>): [number, number, number][] {
  return group.units.flatMap((u, y) =>
    group.indicators.map((ind, x): [number, number, number] => [x, y, round2(u.lost[ind.code] ?? 0)]),
  );
}

/** The heat map of a group: units (rank order, top down) × the indicators losing most, red by loss. */
export function buildHeatOption(group: Pick<CockpitGroup, 'units' | 'indicators'>, labels: { lost: string }) {
  const cells = heatCells(group);
  const max = Math.max(0.01, ...cells.map((c) => c[2]));
  return {
    animation: false,
    tooltip: { position: 'top' as const },
    grid: { left: 120, right: 24, top: 16, bottom: 96 },
    xAxis: {
      type: 'category' as const,
      data: group.indicators.map((i) => i.name),
      axisLabel: { interval: 0, rotate: 30, fontSize: 11 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: group.units.map((u) => u.name),
      axisLabel: { fontSize: 11 },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal' as const,
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: [String(round2(max)), '0'],
      inRange: { color: ['#f6ffed', '#ffe58f', '#ff7a45', '#cf1322'] },
    },
    series: [
      {
        name: labels.lost,
        type: 'heatmap' as const,
        data: cells,
        label: { show: group.indicators.length * group.units.length <= 120, fontSize: 10 },
      },
    ],
  };
}

/** Score rates of a unit per aspect, in percent (null when left out), in the plan's aspect order. */
export function aspectRates(
  aspects: Cockpit['aspects'],
  unit: Pick<CockpitUnit, 'aspects'>,
): (number | null)[] {
  return aspects.map((a) => {
    const r = unit.aspects[a.code];
    return r === null || r === undefined ? null : round2(r * 100);
  });
}

/** The radar of a unit's score rate per aspect (0–100 %), beside its group's average. */
export function buildRadarOption(
  aspects: Cockpit['aspects'],
  unit: Pick<CockpitUnit, 'aspects' | 'name'>,
  group: readonly Pick<CockpitUnit, 'aspects'>[],
  labels: { average: string },
) {
  const avg = aspects.map((a) => {
    const rs = group.map((u) => u.aspects[a.code]).filter((r): r is number => typeof r === 'number');
    return rs.length ? round2((rs.reduce((s, r) => s + r, 0) / rs.length) * 100) : 0;
  });
  return {
    animation: false,
    tooltip: {},
    legend: { bottom: 0, data: [unit.name, labels.average] },
    radar: { indicator: aspects.map((a) => ({ name: a.name, max: 100 })), radius: '62%' },
    series: [
      {
        type: 'radar' as const,
        data: [
          {
            name: unit.name,
            value: aspectRates(aspects, unit).map((r) => r ?? 0),
            areaStyle: { opacity: 0.2 },
          },
          { name: labels.average, value: avg, lineStyle: { type: 'dashed' as const } },
        ],
      },
    ],
  };
}

/** The monthly trend of a unit: total on the left axis, rank (1 on top) on the right. */
export function buildTrendOption(
  trend: CockpitUnit['trend'],
  labels: { total: string; rank: string; month: (p: string) => string },
) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0, data: [labels.total, labels.rank] },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category' as const, data: trend.map((p) => labels.month(p.period)) },
    yAxis: [
      { type: 'value' as const, name: labels.total, scale: true },
      { type: 'value' as const, name: labels.rank, inverse: true, minInterval: 1, min: 1 },
    ],
    series: [
      { name: labels.total, type: 'line' as const, data: trend.map((p) => p.total) },
      { name: labels.rank, type: 'line' as const, yAxisIndex: 1, data: trend.map((p) => p.rank) },
    ],
  };
}

/** Where a unit's trace opens: the results page of the plan and period, its drawer on the unit. */
export const traceLink = (planId: number, period: string, unit: string) =>
  `/results?${new URLSearchParams({ plan: String(planId), period, unit })}`;

/** Why a chart has nothing to draw (an i18n key under cockpit.empty), or null when it has. */
export function emptyReason(
  kind: 'ranking' | 'heat' | 'radar' | 'trend',
  c: Pick<Cockpit, 'groups' | 'aspects' | 'trendPeriods'>,
  group?: Pick<CockpitGroup, 'units' | 'indicators'>,
): string | null {
  if (!c.groups.length || (group && !group.units.length)) return 'cockpit.empty.noUnits';
  if (kind === 'heat' && group && !group.indicators.length) return 'cockpit.empty.noLoss';
  if (kind === 'radar' && c.aspects.length < 3) return 'cockpit.empty.fewAspects';
  if (kind === 'trend' && !c.trendPeriods.length) return 'cockpit.empty.noTrend';
  return null;
}

/** The indicators a unit loses most on (at most `n`), each with its share of the largest loss in %. */
export function losingShares<L extends { lost: number }>(
  losing: readonly L[],
  n: number,
): (L & { percent: number })[] {
  const top = [...losing].sort((a, b) => b.lost - a.lost).slice(0, n);
  const max = top[0]?.lost ?? 0;
  return top.map((l) => ({ ...l, percent: max > 0 ? Math.round((l.lost / max) * 100) : 0 }));
}
