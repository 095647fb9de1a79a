import type { CockpitMap, MapRegion } from '@jixiao/contracts';

/** How the map colours its regions: by total (a scale) or by grade (the plan's grade colours). */
export type MapMode = 'score' | 'grade';

/** Where each region's unit code is put for ECharts to match data by (`nameProperty`). */
export const CODE_KEY = '__unitCode';

/** The name the map is registered under: one per plan and loaded file. */
export const mapKey = (m: Pick<CockpitMap, 'planId' | 'source' | 'name' | 'featureCount' | 'codeProperty'>) =>
  `jixiao:${m.planId}:${m.source}:${m.codeProperty}:${m.featureCount}:${m.name}`;

type Feature = { properties?: Record<string, unknown> | null };

/**
 * The GeoJSON as ECharts registers it: a copy whose features carry their unit code, as a string,
 * under CODE_KEY (the file's property may hold numbers, and may be any name the office chose).
 */
export function geoForECharts(m: Pick<CockpitMap, 'geojson' | 'codeProperty'>) {
  const features = ((m.geojson.features as Feature[] | undefined) ?? []).map((f) => {
    const raw = f.properties?.[m.codeProperty];
    const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    return { ...f, properties: { ...(f.properties ?? {}), [CODE_KEY]: code } };
  });
  return { ...m.geojson, features };
}

/** Up to this many regions carry their unit's name on the map. */
export const LABEL_LIMIT = 30;

export interface MapLabels {
  total: string;
  grade: string;
  noGrade: string;
}

/** The regions as the map series' data, in the order of `regions` (a click's dataIndex). */
export function mapData(regions: readonly MapRegion[], mode: MapMode, noGradeColor = '#d9d9d9') {
  return regions.map((r) => ({
    name: r.unit,
    value: r.total,
    unitName: r.name,
    ...(mode === 'grade' && { itemStyle: { areaColor: r.grade?.color ?? noGradeColor } }),
  }));
}

/** A choropleth of the regions: a blue scale of totals, or each region in its grade's colour. */
export function buildMapOption(m: CockpitMap, mode: MapMode, labels: MapLabels) {
  const totals = m.regions.map((r) => r.total);
  const min = totals.length ? Math.floor(Math.min(...totals)) : 0;
  const max = totals.length ? Math.ceil(Math.max(...totals)) : 100;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { unitName: string; value: number }; name: string }) => {
        if (!p.data) return p.name;
        const r = m.regions.find((x) => x.unit === p.name);
        const grade = r?.grade?.name ?? labels.noGrade;
        return `${p.data.unitName}<br/>${labels.total} ${p.data.value}<br/>${labels.grade} ${grade}`;
      },
    },
    ...(mode === 'score' && {
      visualMap: {
        type: 'continuous',
        min,
        max: max === min ? min + 1 : max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: [String(max), String(min)],
        inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9'] },
      },
    }),
    series: [
      {
        type: 'map',
        map: mapKey(m),
        nameProperty: CODE_KEY,
        roam: false,
        selectedMode: false,
        // Names on the regions while they stay legible; a tooltip and the list below otherwise.
        label: {
          show: m.regions.length <= LABEL_LIMIT,
          fontSize: 11,
          formatter: (p: { data?: { unitName: string }; name: string }) => p.data?.unitName ?? p.name,
        },
        itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
        data: mapData(m.regions, mode),
      },
    ],
  };
}
