import type { CockpitMap } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { buildMapOption, CODE_KEY, geoForECharts, mapData, mapKey } from './map.js';

const grade = (code: string, color: string) => ({ code, name: code, color });
const m: CockpitMap = {
  planId: 3,
  period: '2026-Y',
  source: 'uploaded',
  name: '片区',
  codeProperty: 'unit',
  geojson: {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { unit: 'u1' }, geometry: null },
      { type: 'Feature', properties: { unit: 7 }, geometry: null },
    ],
  },
  featureCount: 2,
  regions: [
    { unitId: 1, unit: 'u2', name: '二号局', group: 'A', total: 100, rank: 1, grade: grade('优', '#52c41a') },
    { unitId: 2, unit: 'u1', name: '一号局', group: 'A', total: 86, rank: 2, grade: null },
  ],
  unmatched: [{ index: 1, code: '7' }],
  grades: [grade('优', '#52c41a')],
};
const labels = { total: '总分', grade: '等次', noGrade: '无' };

describe('cockpit map option', () => {
  it('registers each feature under its unit code as a string', () => {
    const g = geoForECharts(m) as { features: { properties: Record<string, unknown> }[] };
    expect(g.features.map((f) => f.properties[CODE_KEY])).toEqual(['u1', '7']);
    // The stored file is not changed.
    expect((m.geojson.features as { properties: object }[])[0]!.properties).toEqual({ unit: 'u1' });
    expect(mapKey(m)).toBe('jixiao:3:uploaded:unit:2:片区');
  });

  it('by score: a scale from the lowest to the highest total', () => {
    const o = buildMapOption(m, 'score', labels);
    expect(o.visualMap).toMatchObject({ min: 86, max: 100 });
    expect(o.series[0]!.data).toEqual([
      { name: 'u2', value: 100, unitName: '二号局' },
      { name: 'u1', value: 86, unitName: '一号局' },
    ]);
    expect(o.series[0]!.nameProperty).toBe(CODE_KEY);
  });

  it('by grade: each region in its grade colour, grey without a grade; no scale', () => {
    const o = buildMapOption(m, 'grade', labels);
    expect(o.visualMap).toBeUndefined();
    expect(mapData(m.regions, 'grade').map((d) => d.itemStyle?.areaColor)).toEqual(['#52c41a', '#d9d9d9']);
  });
});
