/**
 * The map the project ships (issue 13 point 2): the demo city's four districts and counties
 * (D01–D04) and four development zones (Z01–Z04) as made-up shapes — squares on a grid around a
 * lake, in degrees near 120°E 31.5°N. Each feature's `code` is the unit code of the demo seed
 * (apps/server/src/demo/seed.ts) and `name` its name. Any real GeoJSON the office uploads replaces it.
 */

type Ring = [number, number][];

const square = (col: number, row: number, size = 0.1): Ring => {
  const x = 120 + col * size;
  const y = 31.5 + row * size;
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
};

/** Two squares side by side as one polygon (a larger district). */
const wide = (col: number, row: number, size = 0.1): Ring => {
  const x = 120 + col * size;
  const y = 31.5 + row * size;
  return [
    [x, y],
    [x + 2 * size, y],
    [x + 2 * size, y + size],
    [x, y + size],
    [x, y],
  ];
};

const feature = (code: string, name: string, ring: Ring) => ({
  type: 'Feature' as const,
  properties: { code, name },
  geometry: { type: 'Polygon' as const, coordinates: [ring] },
});

export const DEMO_MAP_NAME = '示范市区县和开发区（示意）';
export const DEMO_MAP_CODE_PROPERTY = 'code';

export const demoCityMap = {
  type: 'FeatureCollection' as const,
  features: [
    feature('D01', '示范市东城区', wide(2, 1)),
    feature('D02', '示范市西城区', wide(0, 1)),
    feature('D03', '示范市南湖区', wide(1, 0)),
    feature('D04', '示范市北山县', wide(1, 2)),
    feature('Z01', '示范高新技术产业开发区', square(3, 2)),
    feature('Z02', '示范经济技术开发区', square(3, 0)),
    feature('Z03', '示范临港经济开发区', square(0, 0)),
    feature('Z04', '示范山水城旅游度假区', square(0, 2)),
  ],
};
